// Issue 14, items 2 and 3, in Chromium against the real engine and registry: a dialog opened from
// another is on top of it, Escape closes only the top one, and the Pulls panel never covers the
// run dialog's Run button on a laptop screen.
import { execFileSync } from 'node:child_process';
import { expect } from '@playwright/test';
import { readRegistryState } from '../../scripts/setup/registry-state';
import { RunDialogPage } from '../pages/run-dialog';
import { isOnTop, LAPTOPS } from '../support/layout';
import { testWithRegistries } from '../support/registries-fixture';

const OPEN = readRegistryState().WHARF_REGISTRY!;
const REF = `${OPEN}/wharf/busybox:1`;
const test = testWithRegistries([{ host: OPEN }]);
test.describe.configure({ mode: 'serial' });

const present = (ref: string): boolean => {
  try {
    execFileSync('docker', ['image', 'inspect', ref], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hadImage = present(REF);
test.afterAll(() => {
  if (!hadImage && present(REF)) execFileSync('docker', ['rmi', REF], { stdio: 'ignore' });
});

for (const size of LAPTOPS) {
  test(`Run on a finished pull opens the run dialog on top of the search box (${size.width}x${size.height})`, async ({
    search,
    page,
  }) => {
    await page.setViewportSize(size);
    await search.open();
    await search.search('busybox');
    await search.pull(`Registry ${OPEN}`, `${OPEN}/wharf/busybox`, '1');
    const item = search.pullItem(REF);
    await expect(item).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(search.dialog).toBeVisible();
    await item.getByRole('button', { name: 'Run', exact: true }).click();
    const run = new RunDialogPage(page);
    await expect(run.dialog).toBeVisible();
    await expect(run.image).toHaveValue(REF);
    // Newest on top: its fields and its Run button take the clicks, not the search box.
    expect(await isOnTop(run.image)).toBe(true);
    expect(await isOnTop(run.name)).toBe(true);
    expect(await isOnTop(run.runButton)).toBe(true);
    // One Escape closes the run dialog only; the search box is back with its term.
    await page.keyboard.press('Escape');
    await expect(run.dialog).toBeHidden();
    await expect(search.dialog).toBeVisible();
    await expect(search.input).toHaveValue('busybox');
    await page.keyboard.press('Escape');
    await expect(search.dialog).toBeHidden();
  });
}

for (const size of [...LAPTOPS, { width: 1400, height: 900 }]) {
  test(`the Pulls panel never covers the run dialog's Run button (${size.width}x${size.height})`, async ({
    search,
    page,
  }) => {
    await page.setViewportSize(size);
    await search.open();
    await search.search('busybox');
    await search.pull(`Registry ${OPEN}`, `${OPEN}/wharf/busybox`, '1');
    const item = search.pullItem(REF);
    await expect(item).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await page.keyboard.press('Escape');
    await expect(search.dialog).toBeHidden();
    await item.getByRole('button', { name: 'Run', exact: true }).click();
    const run = new RunDialogPage(page);
    await expect(run.dialog).toBeVisible();
    await expect(run.runButton).toBeEnabled({ timeout: 15_000 });
    expect(await isOnTop(run.runButton)).toBe(true);
    await page.screenshot({ path: `out/screens/run-dialog-pulls-${size.width}x${size.height}.png` });
  });
}
