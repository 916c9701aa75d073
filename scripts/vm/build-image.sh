#!/usr/bin/env bash
# Builds Wharf's guest image from Debian packages: kernel + small initrd + ext4 root disk (with
# dockerd, sshd, systemd) + a gzip of the root disk for download + manifest.json with sha256s.
# mke2fs is used here, at build time only: the VM's data disk is formatted inside the guest.
# Cached: a finished image for the same inputs is reused, so a second run does not rebuild.
#   usage: scripts/vm/build-image.sh [--cache DIR] [--force]     (as root; prints the image dir last)
#   env:   WHARF_CACHE_DIR (default ~/.cache/wharf), DEBIAN_MIRROR, DEBIAN_SUITE (bookworm)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${WHARF_CACHE_DIR:-$HOME/.cache/wharf}
FORCE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cache) CACHE=$2; shift 2 ;;
    --force) FORCE=1; shift ;;
    *) echo "build-image: unknown argument $1" >&2; exit 2 ;;
  esac
done
SUITE=${DEBIAN_SUITE:-bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ROOT_SIZE=${WHARF_ROOT_SIZE:-2G}
# mitigations=off: no CPU side-channel mitigations inside the guest (they cost boot and syscall
# time under emulation). The VM runs only the user's own containers; the host keeps its own.
# The image is built for this machine's architecture (Debian's own kernel for it): amd64 -> x86_64
# with the 8250 serial console, arm64 -> aarch64 on QEMU's virt machine with its PL011 (ttyAMA0).
case "$(dpkg --print-architecture)" in
  amd64) DEB_ARCH=amd64 ARCH=x86_64 CONSOLE=ttyS0 ;;
  arm64) DEB_ARCH=arm64 ARCH=aarch64 CONSOLE=ttyAMA0 ;;
  *) echo "build-image: no Wharf VM image for $(dpkg --print-architecture)" >&2; exit 2 ;;
esac
CMDLINE="console=$CONSOLE root=/dev/vda rootfstype=ext4 rw quiet apparmor=0 net.ifnames=0 systemd.show_status=false mitigations=off"

log() { echo "build-image: $*" >&2; }
need() { command -v "$1" >/dev/null 2>&1; }
if [ "$(id -u)" != 0 ]; then log "run as root (debootstrap needs it)"; exit 2; fi
missing=()
need debootstrap || missing+=(debootstrap)
need mke2fs || missing+=(e2fsprogs)
need cpio || missing+=(cpio)
{ ldd /bin/busybox 2>&1 || true; } | grep -q 'not a dynamic' || missing+=(busybox-static) # the initrd's only program
ls /boot/vmlinuz-*-$DEB_ARCH >/dev/null 2>&1 || missing+=("linux-image-$DEB_ARCH")
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
fi
KVER=$(ls /boot/vmlinuz-*-$DEB_ARCH | sed 's|.*/vmlinuz-||' | sort -V | tail -1)

# The version names every input: suite, kernel, and the bytes of this script and the guest files.
INPUTS=$(cat "$0" "$HERE"/guest/* | sha256sum | cut -c1-10)
VERSION="2-$SUITE-$KVER-$INPUTS"
OUT="$CACHE/vm-images/$VERSION"
if [ $FORCE = 0 ] && [ -f "$OUT/.complete" ] && [ -f "$OUT/manifest.json" ]; then
  log "cached: $OUT"
  echo "$OUT"
  exit 0
fi

WORK=$(mktemp -d "$CACHE/vm-build.XXXXXX" 2>/dev/null || { mkdir -p "$CACHE"; mktemp -d "$CACHE/vm-build.XXXXXX"; })
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/root"
t0=$(date +%s)
log "debootstrap $SUITE (minbase) into $ROOT"
debootstrap --variant=minbase \
  --include=systemd-sysv,udev,kmod,openssh-server,docker.io,iproute2,ca-certificates,e2fsprogs \
  "$SUITE" "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log" >&2; exit 1; }
log "debootstrap done in $(( $(date +%s) - t0 )) s"

# Kernel modules for the kernel the guest boots, minus hardware a VM never has.
mkdir -p "$ROOT/lib/modules"
cp -a "/lib/modules/$KVER" "$ROOT/lib/modules/"
for d in sound gpu media net/wireless infiniband staging bluetooth isdn; do
  rm -rf "$ROOT/lib/modules/$KVER/kernel/drivers/$d" "$ROOT/lib/modules/$KVER/kernel/$d"
done
chroot "$ROOT" depmod "$KVER"

# Guest configuration (see scripts/vm/guest/).
install -m 755 "$HERE/guest/wharf-boot.sh" "$ROOT/usr/local/sbin/wharf-boot"
install -m 755 "$HERE/guest/wharf-data.sh" "$ROOT/usr/local/sbin/wharf-data"
install -m 755 "$HERE/guest/wharf-shares.sh" "$ROOT/usr/local/sbin/wharf-shares"
install -m 755 "$HERE/guest/wharf-powerbutton.sh" "$ROOT/usr/local/sbin/wharf-powerbutton"
for u in wharf-boot.service wharf-data.service wharf-shares.service wharf-powerbutton.service wharf-netfilter.service docker.service containerd.service; do
  install -m 644 "$HERE/guest/$u" "$ROOT/etc/systemd/system/$u" # /etc shadows Debian's units
done
install -m 644 "$HERE/guest/sshd-wharf.conf" "$ROOT/etc/ssh/sshd_config.d/wharf.conf"
install -D -m 644 "$HERE/guest/ssh-early.conf" "$ROOT/etc/systemd/system/ssh.service.d/wharf.conf"
install -D -m 644 "$HERE/guest/netfilter.rules" "$ROOT/etc/wharf/netfilter.rules"
install -D -m 644 "$HERE/guest/daemon.json" "$ROOT/etc/docker/daemon.json"
install -D -m 644 "$HERE/guest/containerd.toml" "$ROOT/etc/containerd/config.toml"
install -D -m 644 "$HERE/guest/journald.conf" "$ROOT/etc/systemd/journald.conf.d/wharf.conf"
install -D -m 644 "$HERE/guest/modprobe-blacklist.conf" "$ROOT/etc/modprobe.d/wharf-blacklist.conf"
install -m 644 "$HERE/guest/fstab" "$ROOT/etc/fstab"
mkdir -p "$ROOT/var/lib/docker"
echo "nameserver 10.0.2.3" >"$ROOT/etc/resolv.conf"
echo wharf >"$ROOT/etc/hostname"
echo "$VERSION" >"$ROOT/etc/wharf-image"
# Host keys made by openssh-server's postinst would be shared by every VM: each VM makes its own.
rm -f "$ROOT"/etc/ssh/ssh_host_*
chroot "$ROOT" systemctl enable wharf-boot.service wharf-data.service wharf-shares.service wharf-powerbutton.service wharf-netfilter.service containerd.service docker.service >/dev/null
# Units that only cost boot time in a headless VM (wharf-boot brings the network up; dockerd makes
# its own socket; no consoles to log in on; no timers for a desktop's disposable VM).
chroot "$ROOT" systemctl mask systemd-networkd.service systemd-networkd.socket \
  systemd-network-generator.service systemd-networkd-wait-online.service docker.socket \
  getty@tty1.service "serial-getty@$CONSOLE.service" getty-static.service \
  apt-daily.timer apt-daily-upgrade.timer e2scrub_reap.service e2scrub_all.timer dpkg-db-backup.timer \
  systemd-timesyncd.service fstrim.timer systemd-pstore.service systemd-journal-flush.service \
  modprobe@fuse.service modprobe@loop.service modprobe@dm_mod.service modprobe@efi_pstore.service \
  modprobe@configfs.service sys-kernel-debug.mount sys-kernel-tracing.mount dev-hugepages.mount \
  sys-kernel-config.mount sys-fs-fuse-connections.mount >/dev/null 2>&1
# No udev: the VM's devices are fixed (two virtio disks found by serial, virtio-net, virtio-rng;
# wharf-boot loads their drivers) and nothing is hot-plugged. Its coldplug cost ~2 s under TCG.
chroot "$ROOT" systemctl mask systemd-udevd.service systemd-udev-trigger.service \
  systemd-udevd-control.socket systemd-udevd-kernel.socket systemd-udev-settle.service >/dev/null 2>&1
# Generators run at every boot before any unit starts (~1 s under TCG): keep only fstab's. The
# others serve what this VM has not (LUKS, GPT auto-mounts, gettys, SysV scripts, rc.local...).
mkdir -p "$ROOT/etc/systemd/system-generators"
for g in "$ROOT"/lib/systemd/system-generators/*; do
  case "${g##*/}" in systemd-fstab-generator) ;; *) ln -sf /dev/null "$ROOT/etc/systemd/system-generators/${g##*/}" ;; esac
done
rm -rf "$ROOT"/usr/share/doc/* "$ROOT"/usr/share/man/* "$ROOT"/usr/share/locale/* \
  "$ROOT"/var/cache/apt/*.bin "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/lib/apt/lists/*

# The initrd: static busybox, the modules that mounting an ext4 root on virtio needs (in dependency
# order) and guest/initrd-init. No udev, no initramfs-tools: ~1 MB instead of ~7 MB.
INITRD="$WORK/initrd"
mkdir -p "$INITRD/bin" "$INITRD/modules" "$INITRD/dev" "$INITRD/proc" "$INITRD/root"
cp /bin/busybox "$INITRD/bin/busybox"
for a in sh mount umount insmod sleep mkdir cat poweroff switch_root; do ln -s busybox "$INITRD/bin/$a"; done
install -m 755 "$HERE/guest/initrd-init" "$INITRD/init"
for m in virtio_pci virtio_blk ext4 crc32c_generic; do modprobe --show-depends -S "$KVER" -d / "$m"; done \
  | awk '$1 == "insmod" && !seen[$2]++ { print $2 }' >"$WORK/initrd-modules"
: >"$INITRD/modules.order"
while read -r ko; do
  cp "$ko" "$INITRD/modules/"
  basename "$ko" >>"$INITRD/modules.order"
done <"$WORK/initrd-modules"

STAGE="$WORK/out"
mkdir -p "$STAGE"
cp "/boot/vmlinuz-$KVER" "$STAGE/vmlinuz"
(cd "$INITRD" && find . | cpio -o -H newc --quiet | gzip -9) >"$STAGE/initrd.img"
log "root disk ($ROOT_SIZE, $(du -sh "$ROOT" | cut -f1) used)"
mke2fs -q -t ext4 -L wharf-root -d "$ROOT" "$STAGE/rootfs.img" "$ROOT_SIZE" >&2
log "compressing the root disk for download"
gzip -6 -c "$STAGE/rootfs.img" >"$STAGE/rootfs.img.gz"

fields() { # name -> its JSON size and sha256 fields
  printf '"size": %s, "sha256": "%s"' "$(stat -c %s "$STAGE/$1")" "$(sha256sum "$STAGE/$1" | cut -d' ' -f1)"
}
cat >"$STAGE/manifest.json" <<EOF
{
  "format": 1,
  "version": "$VERSION",
  "arch": "$ARCH",
  "kernelVersion": "$KVER",
  "cmdline": "$CMDLINE",
  "builtAt": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "files": {
    "kernel": {"name": "vmlinuz", $(fields vmlinuz)},
    "initrd": {"name": "initrd.img", $(fields initrd.img)},
    "rootfs": {"name": "rootfs.img", $(fields rootfs.img),
      "compressed": {"name": "rootfs.img.gz", "encoding": "gzip", $(fields rootfs.img.gz)}}
  }
}
EOF
rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
mv "$STAGE" "$OUT"
touch "$OUT/.complete"
log "built $VERSION in $(( $(date +%s) - t0 )) s"
echo "$OUT"
