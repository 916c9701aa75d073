import { defineConfig, type Project } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Chromium comes from the system (Debian's /usr/bin/chromium); Playwright never downloads one.
const chromium = process.env.WHARF_CHROMIUM ?? '/usr/bin/chromium';
// Without these, Chromium keeps dialling Google on a closed network (see ENVIRONMENT.md).
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Electron project runs only where an Electron binary was installed. Read its path.txt
 * instead of require('electron'): recent versions try to download the binary on require.
 */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(__filename).resolve('electron/package.json'));
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const rel = existsSync(join(dir, 'path.txt')) ? readFileSync(join(dir, 'path.txt'), 'utf8').trim() : '';
    const bin = override ? join(override, rel || 'electron') : rel ? join(dir, 'dist', rel) : '';
    return bin && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const browser: Project['use'] = {
  browserName: 'chromium',
  launchOptions: { executablePath: chromium, args: chromiumArgs },
  viewport: { width: 1280, height: 800 },
};
const projects: Project[] = [
  { name: 'web', testDir: 'e2e/web', use: browser },
  // The same suite again with Wharf reaching dockerd through a real sshd (scripts/setup/start-sshd.sh),
  // plus what only SSH has (e2e/ssh). The `wharf` fixture reads metadata.engine.
  {
    name: 'web-ssh',
    testDir: 'e2e',
    testMatch: ['web/**/*.spec.ts', 'ssh/**/*.spec.ts'],
    metadata: { engine: 'ssh' },
    use: browser,
  },
];
const electron = electronBinary();
if (electron) {
  process.env.WHARF_ELECTRON = electron; // e2e/electron launches this binary
  projects.push({ name: 'electron', testDir: 'e2e/electron' });
}

export default defineConfig({
  globalSetup: './e2e/support/global-setup.ts',
  testMatch: '**/*.spec.ts',
  // One engine is shared by every test: run them one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.WHARF_PW_JSON ? [['list'], ['json', { outputFile: process.env.WHARF_PW_JSON }]] : [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  // Several runs on one machine (CI, a developer, a benchmark) must not share an output folder.
  outputDir: process.env.WHARF_PW_OUTPUT ?? 'out/e2e-results',
  projects,
});
