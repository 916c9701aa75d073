#!/usr/bin/env bash
# A real OpenSSH server for the SSH-engine tests, in front of the real dockerd: its own host key,
# config and authorized key in $dir (never the system's), on a free 127.0.0.1 port. Reused while
# it runs. Writes $dir/env (WHARF_TEST_SSH_TARGET, WHARF_TEST_SSH_IDENTITY, ...) for the tests.
set -euo pipefail
dir=${WHARF_TEST_SSHD_DIR:-/tmp/wharf-test-sshd}
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || { echo "setup: no sshd (apt-get install -y openssh-server)" >&2; exit 1; }
mkdir -p "$dir" && chmod 700 "$dir"

# Bump when the config below changes: a running sshd with an older one is restarted (same port).
version=2
if [ -f "$dir/env" ] && [ -f "$dir/sshd.pid" ] && kill -0 "$(cat "$dir/sshd.pid")" 2>/dev/null; then
  . "$dir/env"
  if grep -qx "# wharf-test-sshd v$version" "$dir/sshd_config" 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$WHARF_TEST_SSH_PORT") 2>/dev/null; then
    echo "setup: test sshd already on 127.0.0.1:$WHARF_TEST_SSH_PORT"
    exit 0
  fi
fi
# Stopping the listener leaves the connections it serves alone; reusing its port lets them reconnect.
prev_port=${WHARF_TEST_SSH_PORT:-}
[ -f "$dir/sshd.pid" ] && kill "$(cat "$dir/sshd.pid")" 2>/dev/null && sleep 0.2 || true

user=$(id -un)
if ! [ -r /var/run/docker.sock ] || ! [ -w /var/run/docker.sock ]; then
  echo "setup: $user cannot use /var/run/docker.sock; run as root or join the docker group" >&2
  exit 1
fi
[ -f "$dir/host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -C wharf-test-host -f "$dir/host_ed25519_key"
[ -f "$dir/client_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C wharf-test-client -f "$dir/client_ed25519"
chmod 600 "$dir/host_ed25519_key" "$dir/client_ed25519"
cp "$dir/client_ed25519.pub" "$dir/authorized_keys" && chmod 600 "$dir/authorized_keys"
port=""
if [ -n "$prev_port" ] && ! (exec 3<>"/dev/tcp/127.0.0.1/$prev_port") 2>/dev/null; then port=$prev_port; fi
[ -n "$port" ] || port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

# Bad-input users (root only; same client key in their own ~/.ssh): one not in the docker group (no
# permission on the socket), one whose shell start files print a banner on every command.
users=$user
extra_env=""
if [ "$(id -u)" = 0 ] && command -v useradd >/dev/null; then
  for u in wharf-nodocker wharf-banner; do
    id "$u" >/dev/null 2>&1 || useradd -m -s /bin/bash "$u"
    usermod -p '*' "$u" # no password, but not locked ('!'): sshd without PAM refuses locked accounts
    home=$(getent passwd "$u" | cut -d: -f6)
    mkdir -p "$home/.ssh" && cp "$dir/client_ed25519.pub" "$home/.ssh/authorized_keys"
    chown -R "$u:" "$home/.ssh" && chmod 700 "$home/.ssh" && chmod 600 "$home/.ssh/authorized_keys"
    users="$users $u"
  done
  gpasswd -d wharf-nodocker docker >/dev/null 2>&1 || true
  getent group docker >/dev/null && usermod -aG docker wharf-banner
  home=$(getent passwd wharf-banner | cut -d: -f6)
  for f in .bashrc .profile .bash_profile; do
    printf 'echo "Welcome to %s! Last login: yesterday. WHARF_PROBE=banner"\necho "banner on stderr" >&2\n' "$f" >"$home/$f"
    chown wharf-banner: "$home/$f"
  done
  extra_env="WHARF_TEST_SSH_NODOCKER_USER=wharf-nodocker
WHARF_TEST_SSH_BANNER_USER=wharf-banner"
fi

cat >"$dir/sshd_config" <<CONF
# wharf-test-sshd v$version
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys .ssh/authorized_keys
AllowUsers $users
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
$extra_env
ENV
    echo "setup: test sshd on 127.0.0.1:$port (user $user, env in $dir/env)"
    exit 0
  fi
  sleep 0.1
done
echo "setup: the test sshd did not listen; its log ends with:" >&2
tail -n 20 "$dir/sshd.log" >&2 || true
exit 1
