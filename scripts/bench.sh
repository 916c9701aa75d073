#!/usr/bin/env bash
# `npm run bench [-- name...]`: builds, makes sure of the engine and fixtures, bundles the benchmark
# runner (e2e/bench/run.ts) with esbuild and runs it. Figures: e2e/bench/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup/ensure-deps.sh
bash scripts/setup/start-dockerd.sh
bash scripts/setup/build-fixtures.sh
bash scripts/setup/start-sshd.sh
# The bundled runner cannot find out/ from its own folder: say where the build goes.
export WHARF_OUT_DIR="${WHARF_OUT_DIR:-$PWD/out}"
npx electron-vite build >/dev/null
npx esbuild e2e/bench/run.ts --bundle --platform=node --format=cjs --log-level=warning \
  --outfile="$WHARF_OUT_DIR/bench/run.js" --external:@playwright/test --external:playwright-core --external:dockerode --external:ssh2
node "$WHARF_OUT_DIR/bench/run.js" "$@"
