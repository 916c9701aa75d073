#!/usr/bin/env bash
# Removes what the tests created on the engine: containers labelled wharf.test=1 that are not
# fixture images themselves, and test-only images tagged wharf-test/*. Fixture images stay cached.
set -uo pipefail
ids=$(docker ps -aq --filter label=wharf.test=1)
[ -n "$ids" ] && docker rm -f $ids >/dev/null
imgs=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^wharf-test/' || true)
[ -n "$imgs" ] && docker rmi -f $imgs >/dev/null
exit 0
