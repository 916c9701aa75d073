#!/usr/bin/env bash
# Makes sure a Docker Engine answers on the default socket (or $DOCKER_HOST). Starts dockerd when
# none answers and we may start it; never touches an engine that already runs.
set -euo pipefail
log=${WHARF_DOCKERD_LOG:-/tmp/wharf-dockerd.log}

if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  exit 0
fi
if [ -n "${DOCKER_HOST:-}" ]; then
  echo "setup: DOCKER_HOST=$DOCKER_HOST does not answer; start that engine or unset DOCKER_HOST." >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "setup: no Docker Engine answers on /var/run/docker.sock. Start one (sudo systemctl start docker, or sudo dockerd &) and add yourself to the docker group." >&2
  exit 1
fi

echo "setup: starting dockerd (log: $log)"
nohup dockerd >"$log" 2>&1 &
for _ in $(seq 1 60); do
  if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    echo "setup: dockerd $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
    exit 0
  fi
  sleep 0.5
done
echo "setup: dockerd did not answer within 30 s; its log ends with:" >&2
tail -n 20 "$log" >&2 || true
exit 1
