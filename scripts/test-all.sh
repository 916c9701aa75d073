#!/usr/bin/env bash
# Every test Wharf has, from a fresh clone: system packages, engine, fixtures, build, typecheck,
# unit + integration (vitest), end-to-end (Playwright in the system Chromium).
# Ends with one line: "N passed, N failed", summed over every suite.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
results=out/test-results
rm -rf "$results" && mkdir -p "$results"
checks=$results/checks.txt
: >"$checks"

step() { # name, command...: runs a setup/build step and records it as a check
  local name=$1; shift
  echo "== $name"
  if "$@"; then echo "$name passed" >>"$checks"; return 0; fi
  echo "$name failed" >>"$checks"; return 1
}

finish() {
  bash scripts/setup/cleanup.sh >/dev/null 2>&1 || true
  node scripts/summarize-results.mjs "$results"
  exit $?
}

step "setup: system packages" bash scripts/setup/ensure-deps.sh || finish
if [ ! -d node_modules ]; then step "setup: npm ci" npm ci --no-audit --no-fund || finish; fi
step "setup: docker engine" bash scripts/setup/start-dockerd.sh || finish
step "setup: fixture images" bash scripts/setup/build-fixtures.sh || finish
step "setup: test sshd" bash scripts/setup/start-sshd.sh
step "setup: test registries" bash scripts/setup/start-registry.sh || finish
step "setup: VM guest image (cached)" bash scripts/vm/build-image.sh
bash scripts/setup/cleanup.sh

step "build" npx electron-vite build
built=$?
step "typecheck (node)" npx tsc --noEmit -p tsconfig.node.json
step "typecheck (web)" npx tsc --noEmit -p tsconfig.web.json
step "typecheck (e2e)" npx tsc --noEmit -p tsconfig.e2e.json
step "lint: format and rules (biome)" bash scripts/lint.sh format
step "lint: layering (dependency-cruiser)" bash scripts/lint.sh layers
step "lint: shell scripts (shellcheck)" bash scripts/lint.sh shell

echo "== vitest (unit + integration)"
npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json"
[ -f "$results/vitest.json" ] || echo "vitest: not run (it wrote no results)" >>"$checks"

if [ "$built" = 0 ]; then
  echo "== playwright (e2e)"
  WHARF_PW_JSON="$results/playwright.json" WHARF_PW_OUTPUT="$results/e2e" npx playwright test
  [ -f "$results/playwright.json" ] || echo "e2e: not run (Playwright wrote no results)" >>"$checks"
else
  echo "e2e: not run (the build failed)" | tee -a "$checks"
fi
finish
