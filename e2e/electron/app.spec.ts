// Runs only where an Electron binary exists (the "electron" Playwright project). Launches the
// built app (out/main/index.js via package.json "main") and checks the window and its bridge.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { resolve } from 'node:path';
import { WharfApp } from '../pages/wharf-app';

let app: ElectronApplication;

test.beforeAll(async () => {
  // playwright.config.ts found the binary without require('electron'), which may try a download.
  app = await electron.launch({
    executablePath: process.env.WHARF_ELECTRON,
    args: [resolve(__dirname, '../..'), '--engine', 'local'],
  });
});

test.afterAll(async () => {
  await app?.close();
});

test('opens one window titled Wharf with the sidebar', async () => {
  const page = await app.firstWindow();
  await expect(page).toHaveTitle('Wharf');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(new WharfApp(page).nav('Containers')).toBeVisible();
  expect(app.windows()).toHaveLength(1);
});

test("the page comes from Wharf's own protocol, never file://", async () => {
  const page = await app.firstWindow();
  expect(page.url()).toMatch(/^wharf:\/\/app\/index\.html(#.*)?$/);
  // The CSP arrives as a header: an inline script is refused.
  const inlineRan = await page.evaluate(() => {
    const d = (
      globalThis as unknown as {
        document: { createElement(t: string): { textContent: string }; head: { appendChild(n: unknown): void } };
      }
    ).document;
    const s = d.createElement('script');
    s.textContent = 'globalThis.__inline = true';
    d.head.appendChild(s);
    return (globalThis as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(inlineRan).toBe(false);
});

test('window.wharf is frozen, has exactly the preload API and no Node', async () => {
  const page = await app.firstWindow();
  const shape = await page.evaluate(() => {
    // This project has no DOM lib: the page's window is globalThis here.
    const w = globalThis as unknown as Record<string, unknown> & { wharf: Record<string, unknown> };
    return {
      frozen: Object.isFrozen(w.wharf),
      keys: Object.keys(w.wharf).sort(),
      require: typeof w.require,
      process: typeof w.process,
      wharfRequire: 'require' in w.wharf,
      wharfProcess: 'process' in w.wharf,
    };
  });
  expect(shape).toEqual({
    frozen: true,
    keys: ['invoke', 'on', 'openExternal', 'pickFolder', 'platform', 'saveLogs', 'setTheme'],
    require: 'undefined',
    process: 'undefined',
    wharfRequire: false,
    wharfProcess: false,
  });
});

test('unknown event names and calls are refused', async () => {
  const page = await app.firstWindow();
  const result = await page.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        wharf: { on(e: string, l: () => void): () => void; invoke(n: string, i: unknown): Promise<{ ok: boolean }> };
      }
    ).wharf;
    let threw = false;
    try {
      api.on('wharf:invoke', () => {});
    } catch {
      threw = true;
    }
    const env = await api.invoke('no:such-call', {});
    return { threw, ok: env.ok };
  });
  expect(result).toEqual({ threw: true, ok: false });
});

test('the window cannot navigate away or open new windows', async () => {
  const page = await app.firstWindow();
  const before = page.url();
  await page.evaluate(() => {
    const w = globalThis as unknown as { open(url: string): unknown; location: { href: string } };
    w.open('https://evil.example/');
    w.location.href = 'https://evil.example/';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
});

test("the page's theme choice reaches the app's own parts (nativeTheme)", async () => {
  const page = await app.firstWindow();
  const wharf = new WharfApp(page);
  const source = () => app.evaluate(({ nativeTheme }) => nativeTheme.themeSource);
  await wharf.setTheme('Dark');
  await expect.poll(source).toBe('dark');
  await wharf.setTheme('Light');
  await expect.poll(source).toBe('light');
  await wharf.setTheme('System');
  await expect.poll(source).toBe('system');
});
