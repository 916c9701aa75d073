#!/bin/sh
# Runs on every boot before containerd and dockerd: mounts the data disk at /var/lib/docker.
# The host only creates an empty sparse file (it may have no mkfs: macOS, Windows), so the first
# boot formats it here. A disk is formatted only when it is blank: blkid finds no signature at
# all AND its first MiB is zeros. Anything else (an ext4 with data, a damaged superblock, a
# partition table) is never formatted. When the host grew the disk, resize2fs takes the space.
set -eu
TTY=/dev/ttyS0; [ -e /dev/ttyAMA0 ] && TTY=/dev/ttyAMA0 # serial console: x86_64 / aarch64
console() { printf '%s\n' "$*" >"$TTY" 2>/dev/null || true; }
fail() { console "WHARF-ERROR data disk: $*"; exit 1; }
MNT=/var/lib/docker
# The data disk carries the serial "wharf-data" (QEMU -device virtio-blk-pci,...,serial=wharf-data).
# Shell builtins where a program would do (each program start costs ~0.1 s early in a TCG boot).
DEV=
for b in /sys/block/vd*; do
  serial=
  read -r serial <"$b/serial" 2>/dev/null || true
  [ "$serial" != wharf-data ] || DEV=/dev/${b##*/}
done
[ -n "$DEV" ] || fail "no disk with serial wharf-data"
[ -b "$DEV" ] || fail "$DEV is not a block device"
while read -r _ m _; do [ "$m" != "$MNT" ] || exit 0; done </proc/mounts # mounted already

# One low-level probe (superblocks and partition tables, not the cache): exit 2 = no signature.
set +e
info=$(blkid -p -o export "$DEV" 2>/dev/null)
probe=$?
set -e
fstype=
for kv in $info; do case "$kv" in TYPE=*) fstype=${kv#TYPE=} ;; esac; done
if [ $probe = 2 ]; then
  # blkid: no signature. Formatting is allowed only when the start of the disk is all zeros.
  nonzero=$(head -c 1048576 "$DEV" | tr -d '\000' | wc -c)
  [ "$nonzero" = 0 ] || fail "$DEV has no known filesystem but is not blank: not formatting it"
  console "WHARF-DATA formatting $DEV"
  mkfs.ext4 -q -L wharf-data -m 1 -E lazy_itable_init=1,lazy_journal_init=1 "$DEV" || fail "mkfs.ext4 $DEV failed"
  fstype=ext4
elif [ $probe != 0 ]; then
  fail "blkid could not read $DEV (exit $probe)"
fi
[ "$fstype" = ext4 ] || fail "$DEV holds ${fstype:-something} (not ext4): not touching it"
# Preen: repairs what is safe after an unclean stop; 4 or more means it needs a person.
set +e
e2fsck -p "$DEV" >/dev/null 2>&1
rc=$?
set -e
[ $rc -lt 4 ] || fail "e2fsck -p $DEV exit $rc: the filesystem needs a manual check"
[ -d "$MNT" ] || mkdir -p "$MNT"
mount -t ext4 -o noatime "$DEV" "$MNT" || fail "mount $DEV failed"
# Online grow when the disk is larger than at the last boot (the host only ever grows it).
SIZE_FILE=/var/lib/wharf/data-disk-sectors
read -r sectors <"/sys/block/${DEV#/dev/}/size"
last=
read -r last <"$SIZE_FILE" 2>/dev/null || true
if [ "$last" != "$sectors" ]; then
  if resize2fs "$DEV" >/dev/null 2>&1; then
    mkdir -p "${SIZE_FILE%/*}" && printf '%s\n' "$sectors" >"$SIZE_FILE"
  else
    console "WHARF-DATA resize2fs $DEV failed (the disk keeps its old size)"
  fi
fi
