#!/bin/sh
# Runs on every boot before sshd and dockerd. Reads the seed Wharf passes through QEMU's fw_cfg
# (KEY=VALUE lines: WHARF_NONCE, WHARF_HOSTNAME, WHARF_PUBKEY), installs the SSH key and the host
# name, creates the sshd host key on first boot, and prints its public part with this boot's nonce
# on the serial console so Wharf can pin it. The nonce also goes to /run/wharf-boot-id.
# It also brings the network up (QEMU user networking always gives 10.0.2.15; ip is faster than
# starting systemd-networkd).
set -eu
TTY=/dev/ttyS0; [ -e /dev/ttyAMA0 ] && TTY=/dev/ttyAMA0 # serial console: x86_64 / aarch64
console() { printf '%s\n' "$*" >"$TTY" 2>/dev/null || true; }
modprobe qemu_fw_cfg 2>/dev/null || true
# No udev in this VM (it cost ~2 s of boot): load the drivers of the two devices it has besides disks.
modprobe virtio_net 2>/dev/null || true
modprobe virtio_rng 2>/dev/null || true
ip link set lo up
if ip link set eth0 up 2>/dev/null; then
  ip addr replace 10.0.2.15/24 dev eth0
  ip route replace default via 10.0.2.2
else
  console "WHARF-WARN no eth0: the VM has no network"
fi
SEED=/sys/firmware/qemu_fw_cfg/by_name/opt/wharf/seed/raw
if [ ! -r "$SEED" ]; then console "WHARF-ERROR no seed at $SEED"; exit 1; fi
NONCE='' HOSTNAME_='' PUBKEY=''
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    WHARF_NONCE=*) NONCE=${line#WHARF_NONCE=} ;;
    WHARF_HOSTNAME=*) HOSTNAME_=${line#WHARF_HOSTNAME=} ;;
    WHARF_PUBKEY=*) PUBKEY=${line#WHARF_PUBKEY=} ;;
  esac
done <"$SEED"
case "$NONCE" in ''|*[!A-Za-z0-9]*) console "WHARF-ERROR bad nonce"; exit 1 ;; esac
case "$HOSTNAME_" in ''|*[!A-Za-z0-9-]*) HOSTNAME_=wharf ;; esac
printf '%s\n' "$HOSTNAME_" >/etc/hostname
hostname "$HOSTNAME_"
install -d -m 700 /root/.ssh
printf '%s\n' "$PUBKEY" >/root/.ssh/authorized_keys
chmod 600 /root/.ssh/authorized_keys
if [ ! -s /etc/ssh/ssh_host_ed25519_key ]; then
  ssh-keygen -q -t ed25519 -N '' -C "$HOSTNAME_" -f /etc/ssh/ssh_host_ed25519_key
fi
printf '%s\n' "$NONCE" >/run/wharf-boot-id
console "WHARF-HOSTKEY $NONCE $(cut -d' ' -f1,2 /etc/ssh/ssh_host_ed25519_key.pub)"
