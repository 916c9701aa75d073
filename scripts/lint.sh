#!/usr/bin/env bash
# The project's habits, checked: `npm run lint` runs all three; `npm test` runs each as a check.
#   format  Biome: formatting (biome.json: 2 spaces, 120 columns) and its lint rules
#   layers  dependency-cruiser: the allowed imports between folders (.dependency-cruiser.cjs)
#   shell   ShellCheck on every shell script the repository tracks
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

format() { npx --no-install biome check .; }
layers() { npx --no-install depcruise electron renderer vm-backend scripts e2e --config .dependency-cruiser.cjs --output-type err; }
shell() {
  command -v shellcheck >/dev/null || { echo "lint: shellcheck is missing (apt-get install shellcheck)" >&2; return 1; }
  # Shell scripts by name, and the extension-less ones by their first line.
  local files=()
  while IFS= read -r f; do
    case "$f" in
      *.sh | .ci/run) files+=("$f") ;;
      *) head -c 32 "$f" 2>/dev/null | grep -qE '^#!.*\b(ba|da|busybox )?sh\b' && files+=("$f") ;;
    esac
  done < <(git ls-files .ci scripts)
  shellcheck -x -S warning "${files[@]}"
}

case "${1:-all}" in
  format) format ;;
  layers) layers ;;
  shell) shell ;;
  all)
    rc=0
    format || rc=1
    layers || rc=1
    shell || rc=1
    exit $rc
    ;;
  *) echo "usage: scripts/lint.sh [format|layers|shell|all]" >&2; exit 2 ;;
esac
