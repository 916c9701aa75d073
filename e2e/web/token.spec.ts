// Issue 14, item 6, in Chromium against a real `wharf web`: a page opened without the token says
// the address needs Wharf's token and where to find it, and stops retrying; `wharf web --print-url`
// prints the address again, and that address works.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { WharfApp } from '../pages/wharf-app';
import { expect, test } from '../support/fixtures';
import { cliPath } from '../support/out-dir';

test('a page without the token says where to find it and stops retrying', async ({ wharf, page }) => {
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(`http://127.0.0.1:${wharf.port}/`);
  const banner = page.getByTestId('token-needed');
  await expect(banner).toContainText("This address needs Wharf's token.");
  await expect(banner).toContainText('Wharf web UI: http://127.0.0.1:…/?token=…');
  await expect(banner).toContainText('wharf web --print-url');
  await expect(page.getByText('Lost the connection to the Wharf backend')).toHaveCount(0);
  await page.screenshot({ path: 'out/screens/token-needed-1280x800.png' });
  // The old page retried every few seconds, for ever: one attempt, then nothing for 5 s.
  await page.waitForTimeout(5_000);
  expect(sockets).toHaveLength(1);
});

test('wharf web --print-url prints the running address, and it opens the UI', async ({ wharf, page }) => {
  const out = execFileSync(process.execPath, [cliPath(), 'web', '--print-url'], {
    cwd: resolve(__dirname, '../..'),
    encoding: 'utf8',
    // The same data folder as the running `wharf web` (the SSH project gives it its own).
    env: { ...process.env, ...wharf.env },
  });
  expect(out.split('\n')).toContain(`Wharf web UI: ${wharf.url}`);
  await new WharfApp(page).open(wharf.url);
});
