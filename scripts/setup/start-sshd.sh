#!/usr/bin/env bash
# A real OpenSSH server for the SSH-engine tests, in front of the real dockerd: its own host key,
# config and authorized key in $dir (never the system's), on a free 127.0.0.1 port. Reused while
# it runs. Writes $dir/env (WHARF_TEST_SSH_TARGET, WHARF_TEST_SSH_IDENTITY, ...) for the tests.
set -euo pipefail
dir=${WHARF_TEST_SSHD_DIR:-/tmp/wharf-test-sshd}
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || { echo "setup: no sshd (apt-get install -y openssh-server)" >&2; exit 1; }
mkdir -p "$dir" && chmod 700 "$dir"

if [ -f "$dir/env" ] && [ -f "$dir/sshd.pid" ] && kill -0 "$(cat "$dir/sshd.pid")" 2>/dev/null; then
  . "$dir/env"
  if (exec 3<>"/dev/tcp/127.0.0.1/$WHARF_TEST_SSH_PORT") 2>/dev/null; then
    echo "setup: test sshd already on 127.0.0.1:$WHARF_TEST_SSH_PORT"
    exit 0
  fi
fi
[ -f "$dir/sshd.pid" ] && kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true

user=$(id -un)
if ! [ -r /var/run/docker.sock ] || ! [ -w /var/run/docker.sock ]; then
  echo "setup: $user cannot use /var/run/docker.sock; run as root or join the docker group" >&2
  exit 1
fi
[ -f "$dir/host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -C wharf-test-host -f "$dir/host_ed25519_key"
[ -f "$dir/client_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C wharf-test-client -f "$dir/client_ed25519"
chmod 600 "$dir/host_ed25519_key" "$dir/client_ed25519"
cp "$dir/client_ed25519.pub" "$dir/authorized_keys" && chmod 600 "$dir/authorized_keys"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

cat >"$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
AllowUsers $user
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AllowStreamLocalForwarding yes
AllowTcpForwarding yes
MaxSessions 100
MaxStartups 100:30:200
PrintMotd no
LogLevel INFO
CONF
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd && chmod 755 /run/sshd
"$sshd" -t -f "$dir/sshd_config"
"$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log"
for _ in $(seq 1 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    cat >"$dir/env" <<ENV
WHARF_TEST_SSH_TARGET=ssh://$user@127.0.0.1:$port
WHARF_TEST_SSH_IDENTITY=$dir/client_ed25519
WHARF_TEST_SSH_PORT=$port
WHARF_TEST_SSHD_PID_FILE=$dir/sshd.pid
WHARF_TEST_SSHD_HOST_KEY=$dir/host_ed25519_key.pub
ENV
    echo "setup: test sshd on 127.0.0.1:$port (user $user, env in $dir/env)"
    exit 0
  fi
  sleep 0.1
done
echo "setup: the test sshd did not listen; its log ends with:" >&2
tail -n 20 "$dir/sshd.log" >&2 || true
exit 1
