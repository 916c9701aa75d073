#!/usr/bin/env bash
# Starts the test registries (a real `docker-registry`, distribution 2.8) on 127.0.0.1, free ports:
#   open:  plain HTTP, no auth                 -> WHARF_REGISTRY=127.0.0.1:P
#   auth:  same storage, htpasswd basic auth   -> WHARF_REGISTRY_AUTH=127.0.0.1:Q (wharf / wharf-secret)
# and pushes the fixture images into it (wharf/busybox:1, :latest, wharf/httpd:1). Both serve one
# storage directory, so nothing needs `docker login` (which would write ~/.docker/config.json).
# Idempotent: when the state file's registries answer, it only re-pushes missing tags.
# Prints nothing but a line on start; the state is in $WHARF_REGISTRY_STATE (an env file).
set -euo pipefail
dir=${WHARF_REGISTRY_DIR:-/tmp/wharf-registry}
state=$dir/state.env
mkdir -p "$dir"

answers() { curl -s -o /dev/null -w '%{http_code}' "http://$1/v2/" 2>/dev/null | grep -qE '^(200|401)$'; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

config() { # port, extra yaml
  cat <<EOF
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$1
  secret: wharf-test-only
catalog:
  maxentries: 1000
$2
EOF
}

start() { # name, port, extra yaml
  config "$2" "$3" >"$dir/$1.yml"
  nohup docker-registry serve "$dir/$1.yml" >"$dir/$1.log" 2>&1 &
  echo $! >"$dir/$1.pid"
  for _ in $(seq 1 40); do answers "127.0.0.1:$2" && return 0; sleep 0.25; done
  echo "setup: docker-registry ($1) did not answer on 127.0.0.1:$2; its log:" >&2
  tail -n 20 "$dir/$1.log" >&2
  return 1
}

# shellcheck disable=SC1090
if [ -f "$state" ] && . "$state" && answers "$WHARF_REGISTRY" && answers "$WHARF_REGISTRY_AUTH"; then
  :
else
  command -v docker-registry >/dev/null || { echo "setup: docker-registry is missing (apt-get install -y docker-registry)" >&2; exit 1; }
  command -v htpasswd >/dev/null || { echo "setup: htpasswd is missing (apt-get install -y apache2-utils)" >&2; exit 1; }
  for f in open auth; do [ -f "$dir/$f.pid" ] && kill "$(cat "$dir/$f.pid")" 2>/dev/null || true; done
  htpasswd -Bbn wharf wharf-secret >"$dir/htpasswd"
  open_port=$(free_port)
  start open "$open_port" ""
  auth_port=$(free_port)
  start auth "$auth_port" "auth:
  htpasswd:
    realm: wharf-test
    path: $dir/htpasswd"
  cat >"$state" <<EOF
WHARF_REGISTRY=127.0.0.1:$open_port
WHARF_REGISTRY_AUTH=127.0.0.1:$auth_port
WHARF_REGISTRY_USER=wharf
WHARF_REGISTRY_PASSWORD=wharf-secret
EOF
  . "$state"
  echo "setup: registries on $WHARF_REGISTRY (open) and $WHARF_REGISTRY_AUTH (basic auth)"
fi

push() { # local image, repo:tag in the registry
  if curl -sf -o /dev/null "http://$WHARF_REGISTRY/v2/${2%%:*}/manifests/${2##*:}" \
      -H 'Accept: application/vnd.docker.distribution.manifest.v2+json'; then return 0; fi
  docker tag "$1" "$WHARF_REGISTRY/$2"
  docker push "$WHARF_REGISTRY/$2" >/dev/null
  docker rmi "$WHARF_REGISTRY/$2" >/dev/null
}
push wharf-fixture/busybox:1 wharf/busybox:1
push wharf-fixture/busybox:1 wharf/busybox:latest
push wharf-fixture/httpd:1 wharf/httpd:1
push wharf-fixture/httpd:1 wharf/private-httpd:1

# wharf/layers:1: the busybox fixture plus two layers of random data (~3 MB each), so a pull has
# layers to download. Built offline (FROM a local image), pushed, then removed from the engine.
if ! curl -sf -o /dev/null "http://$WHARF_REGISTRY/v2/wharf/layers/manifests/1" -H 'Accept: application/vnd.docker.distribution.manifest.v2+json'; then
  ctx=$(mktemp -d)
  head -c 3000000 /dev/urandom >"$ctx/a.bin"
  head -c 3000000 /dev/urandom >"$ctx/b.bin"
  printf 'FROM wharf-fixture/busybox:1\nCOPY a.bin /data/a.bin\nCOPY b.bin /data/b.bin\n' >"$ctx/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q -t "$WHARF_REGISTRY/wharf/layers:1" "$ctx" >/dev/null 2>&1
  docker push "$WHARF_REGISTRY/wharf/layers:1" >/dev/null
  docker rmi "$WHARF_REGISTRY/wharf/layers:1" >/dev/null
  rm -rf "$ctx"
fi
