#!/usr/bin/env bash
# Builds Wharf's guest image from Debian packages: kernel + small initrd + ext4 root disk (with
# dockerd, sshd, systemd) + a gzip of the root disk for download + manifest.json with sha256s.
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
CMDLINE="console=ttyS0 root=/dev/vda rw quiet apparmor=0 systemd.show_status=false mitigations=off"

log() { echo "build-image: $*" >&2; }
need() { command -v "$1" >/dev/null 2>&1; }
if [ "$(id -u)" != 0 ]; then log "run as root (debootstrap needs it)"; exit 2; fi
missing=()
need debootstrap || missing+=(debootstrap)
need mke2fs || missing+=(e2fsprogs)
need mkinitramfs || missing+=(initramfs-tools)
ls /boot/vmlinuz-*-amd64 >/dev/null 2>&1 || missing+=(linux-image-amd64)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
fi
KVER=$(ls /boot/vmlinuz-*-amd64 | sed 's|.*/vmlinuz-||' | sort -V | tail -1)

# The version names every input: suite, kernel, and the bytes of this script and the guest files.
INPUTS=$(cat "$0" "$HERE"/guest/* | sha256sum | cut -c1-10)
VERSION="1-$SUITE-$KVER-$INPUTS"
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
install -m 644 "$HERE/guest/wharf-boot.service" "$ROOT/etc/systemd/system/wharf-boot.service"
install -m 644 "$HERE/guest/10-wharf.network" "$ROOT/etc/systemd/network/10-wharf.network"
install -m 644 "$HERE/guest/sshd-wharf.conf" "$ROOT/etc/ssh/sshd_config.d/wharf.conf"
install -D -m 644 "$HERE/guest/docker-data.conf" "$ROOT/etc/systemd/system/docker.service.d/wharf-data.conf"
install -m 644 "$HERE/guest/fstab" "$ROOT/etc/fstab"
mkdir -p "$ROOT/var/lib/docker"
echo "nameserver 10.0.2.3" >"$ROOT/etc/resolv.conf"
echo wharf >"$ROOT/etc/hostname"
echo "$VERSION" >"$ROOT/etc/wharf-image"
# Host keys made by openssh-server's postinst would be shared by every VM: each VM makes its own.
rm -f "$ROOT"/etc/ssh/ssh_host_*
chroot "$ROOT" systemctl enable wharf-boot.service systemd-networkd.service >/dev/null 2>&1
# Units that only cost boot time in a headless VM.
chroot "$ROOT" systemctl mask systemd-networkd-wait-online.service getty@tty1.service \
  apt-daily.timer apt-daily-upgrade.timer e2scrub_reap.service e2scrub_all.timer \
  systemd-timesyncd.service fstrim.timer >/dev/null 2>&1 || true
rm -rf "$ROOT"/usr/share/doc/* "$ROOT"/usr/share/man/* "$ROOT"/usr/share/locale/* \
  "$ROOT"/var/cache/apt/*.bin "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/lib/apt/lists/*

# A small initrd: only what mounting an ext4 root on virtio needs (the stock one has every driver).
CONF="$WORK/initramfs"
mkdir -p "$CONF/conf.d" "$CONF/hooks" "$CONF/scripts"
cat >"$CONF/initramfs.conf" <<EOF
MODULES=list
BUSYBOX=auto
COMPRESS=gzip
EOF
printf '%s\n' virtio_pci virtio_blk ext4 crc32c_generic >"$CONF/modules"

STAGE="$WORK/out"
mkdir -p "$STAGE"
cp "/boot/vmlinuz-$KVER" "$STAGE/vmlinuz"
mkinitramfs -d "$CONF" -o "$STAGE/initrd.img" "$KVER" 2>"$WORK/mkinitramfs.log" || { cat "$WORK/mkinitramfs.log" >&2; exit 1; }
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
  "arch": "x86_64",
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
