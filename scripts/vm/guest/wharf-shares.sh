#!/bin/sh
# Mounts the host folders Wharf shares into the VM (9p over virtio, QEMU -virtfs) at the same path
# as on the host, so `docker run -v "$PWD":/app` finds the user's files. The seed names each one on
# a line `WHARF_SHARE=<tag> <path>` (tag wharf0, wharf1, ...). A share that does not mount is said
# on the serial console; the others and Docker still start.
# Also loads virtio_balloon: with QEMU's free-page-reporting the guest hands memory it frees
# (containers that stopped) back to the host. No udev here, so nothing else would load it.
set -u
TTY=/dev/ttyS0; [ -e /dev/ttyAMA0 ] && TTY=/dev/ttyAMA0
console() { printf '%s\n' "$*" >"$TTY" 2>/dev/null || true; }
modprobe virtio_balloon 2>/dev/null || true
SEED=/sys/firmware/qemu_fw_cfg/by_name/opt/wharf/seed/raw
[ -r "$SEED" ] || exit 0
grep -q '^WHARF_SHARE=' "$SEED" || exit 0
modprobe 9pnet_virtio 2>/dev/null || true
modprobe 9p 2>/dev/null || true
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in WHARF_SHARE=*) ;; *) continue ;; esac
  rest=${line#WHARF_SHARE=}
  tag=${rest%% *}
  path=${rest#* }
  case "$tag" in wharf[0-9] | wharf[0-9][0-9]) ;; *) console "WHARF-WARN bad share tag"; continue ;; esac
  case "$path" in /?*) ;; *) console "WHARF-WARN share $tag: bad path"; continue ;; esac
  mkdir -p "$path"
  # msize 512 KiB: fewer, larger 9p messages (the default 8 KiB makes reads several times slower).
  # cache=mmap: programs may mmap shared files; the host's own changes are seen at once.
  if mount -t 9p -o trans=virtio,version=9p2000.L,msize=524288,cache=mmap,access=client "$tag" "$path"; then
    console "WHARF-SHARE $tag mounted"
  else
    console "WHARF-WARN share $tag not mounted"
  fi
done <"$SEED"
