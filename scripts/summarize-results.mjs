// Sums every suite's results into one last line "N passed, N failed" (and exits 1 if any failed).
// Reads: checks.txt (setup/build/typecheck steps), vitest.json, playwright.json in the given folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'out/test-results';
const suites = [];

const checksFile = join(dir, 'checks.txt');
if (existsSync(checksFile)) {
  const lines = readFileSync(checksFile, 'utf8').split('\n').filter(Boolean);
  const passed = lines.filter((l) => l.endsWith(' passed')).length;
  const failed = lines.filter((l) => l.endsWith(' failed')).length;
  const skipped = lines.filter((l) => l.includes('not run'));
  suites.push({
    name: 'setup, build, typecheck',
    passed,
    failed,
    note: lines.filter((l) => l.endsWith(' failed')).join('; '),
  });
  // A suite that could not run at all counts as one failure, never as zero tests.
  for (const s of skipped) suites.push({ name: s, passed: 0, failed: 1 });
}

const vitestFile = join(dir, 'vitest.json');
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  const count = { unit: { passed: 0, failed: 0 }, integration: { passed: 0, failed: 0 } };
  for (const file of v.testResults ?? []) {
    const kind = /\.int\.test\.tsx?$/.test(file.name) ? 'integration' : 'unit';
    const results = file.assertionResults ?? [];
    for (const r of results) {
      if (r.status === 'passed') count[kind].passed++;
      else if (r.status === 'failed') count[kind].failed++;
    }
    // A file that failed to load has no assertions but did fail.
    if (file.status === 'failed' && !results.some((r) => r.status === 'failed')) count[kind].failed++;
  }
  suites.push(
    { name: 'unit (vitest)', ...count.unit },
    { name: 'integration (vitest, real dockerd)', ...count.integration },
  );
}

const pwFile = join(dir, 'playwright.json');
if (existsSync(pwFile)) {
  const p = JSON.parse(readFileSync(pwFile, 'utf8'));
  const s = p.stats ?? {};
  const crashed = (p.errors ?? []).length;
  suites.push({
    name: 'e2e (playwright, chromium)',
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + crashed,
    note: s.skipped ? `${s.skipped} skipped` : '',
  });
}

let passed = 0;
let failed = 0;
console.log('\nsuite results');
for (const s of suites) {
  passed += s.passed;
  failed += s.failed;
  console.log(`  ${s.name}: ${s.passed} passed, ${s.failed} failed${s.note ? ` (${s.note})` : ''}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
