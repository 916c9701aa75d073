#!/usr/bin/env bash
# Fetches what the aarch64 boot test needs on an x86_64 machine, from Debian's archive: an arm64
# kernel, its qemu_fw_cfg module and a static arm64 busybox, plus qemu-system-arm. Cached in
# ~/.cache/wharf/arm64-test (WHARF_CACHE_DIR): a second run does nothing.
#   usage: scripts/vm/fetch-arm64-test-kernel.sh     (as root: apt-get; prints the folder last)
set -euo pipefail
CACHE=${WHARF_CACHE_DIR:-$HOME/.cache/wharf}/arm64-test
log() { echo "fetch-arm64: $*" >&2; }
if [ -f "$CACHE/.complete" ]; then echo "$CACHE"; exit 0; fi
if [ "$(id -u)" != 0 ]; then log "run as root (apt-get)"; exit 2; fi
command -v qemu-system-aarch64 >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends qemu-system-arm >&2
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  dpkg --add-architecture arm64
  apt-get update -o Acquire::Languages=none >&2
fi
# The newest arm64 kernel image package the archive has (the same series the x86_64 image uses).
PKG=$(apt-cache search --names-only '^linux-image-[0-9.]+-[0-9]+-arm64$' | cut -d' ' -f1 | sort -V | tail -1)
[ -n "$PKG" ] || { log "no linux-image-*-arm64 in the package lists"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && apt-get download "$PKG:arm64" busybox-static:arm64 >&2)
for deb in "$WORK"/*.deb; do dpkg-deb -x "$deb" "$WORK/x"; done
rm -rf "$CACHE" && mkdir -p "$CACHE"
cp "$(ls "$WORK"/x/boot/vmlinuz-* | head -1)" "$CACHE/vmlinuz"
cp "$WORK/x/bin/busybox" "$CACHE/busybox"
find "$WORK/x/lib/modules" -name 'qemu_fw_cfg.ko*' -exec cp {} "$CACHE/" \;
echo "$PKG" >"$CACHE/package"
touch "$CACHE/.complete"
log "arm64 kernel from $PKG in $CACHE"
echo "$CACHE"
