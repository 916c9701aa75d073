#!/usr/bin/env bash
# Builds the small fixture images the tests use, offline (no registry pull): a static busybox with
# its applet links, imported with `docker import`. Skips images that already exist at this version.
#   wharf-fixture/busybox:1  sh, httpd, and the rest of busybox; CMD sh
#   wharf-fixture/httpd:1    the same, serving /www on port 80 (EXPOSE 80/tcp)
set -euo pipefail
VERSION=1
BUSYBOX=${WHARF_BUSYBOX:-/bin/busybox}

have() {
  [ "$(docker image inspect --format '{{index .Config.Labels "wharf.fixture.version"}}' "$1" 2>/dev/null)" = "$VERSION" ]
}
if have wharf-fixture/busybox:1 && have wharf-fixture/httpd:1; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root"/{bin,etc,tmp,www,root}
cp "$BUSYBOX" "$root/bin/busybox"
for applet in $("$BUSYBOX" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
printf '<!doctype html><title>wharf fixture</title><p>wharf fixture</p>\n' >"$root/www/index.html"
chmod 1777 "$root/tmp"
tar -C "$root" -cf "$work/rootfs.tar" .

common=(--change 'LABEL wharf.test=1' --change "LABEL wharf.fixture.version=$VERSION" --change 'ENV PATH=/bin')
docker import "${common[@]}" --change 'CMD ["sh"]' "$work/rootfs.tar" wharf-fixture/busybox:1 >/dev/null
docker import "${common[@]}" --change 'EXPOSE 80/tcp' --change 'CMD ["httpd","-f","-v","-p","80","-h","/www"]' \
  "$work/rootfs.tar" wharf-fixture/httpd:1 >/dev/null
echo "setup: built wharf-fixture/busybox:1 and wharf-fixture/httpd:1"
