// Pulls in Chromium against web mode, dockerd and the real docker-registry: progress to the end
// and the image listed by itself, Run opening the run dialog, cancel, a missing tag explained.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { testWithRegistries } from '../support/registries-fixture';
import { readRegistryState } from '../../scripts/setup/registry-state';

const reg = readRegistryState();
const OPEN = reg.WHARF_REGISTRY!;
// Shared with the integration test; loaded by path so each tsconfig keeps to its own folders.
interface SlowRegistry {
  host: string;
  held(): number;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSlowRegistry } = require(join(__dirname, '../../vm-backend/registry/testing/slow-registry')) as {
  startSlowRegistry(upstream: string): Promise<SlowRegistry>;
};

const test = testWithRegistries([{ host: OPEN }]);
test.describe.configure({ mode: 'serial' });

/** Every tag of the layered test image, so its layers really leave the engine. */
function removeLayers(): void {
  const tags = execFileSync('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'])
    .toString()
    .split('\n')
    .filter((t) => t.includes('/wharf/layers:'));
  if (tags.length) execFileSync('docker', ['rmi', ...tags]);
}
test.beforeEach(removeLayers);
test.afterAll(removeLayers);

test('a pull shows layer progress, ends with digest and status, and the image is listed', async ({
  app,
  search,
  page,
}) => {
  await search.open();
  await search.search('layers');
  await search.pull(`Registry ${OPEN}`, `${OPEN}/wharf/layers`, '1');
  const item = search.pullItem(`${OPEN}/wharf/layers:1`);
  await expect(item).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(item).toContainText(`Downloaded newer image for ${OPEN}/wharf/layers:1`);
  await expect(item).toContainText(/Digest: sha256:[a-f0-9]{64}/);
  await expect(item.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await page.keyboard.press('Escape');
  const images = await app.gotoImages();
  await expect(page.getByText(`${OPEN}/wharf/layers`).first()).toBeVisible({ timeout: 10_000 });
  void images;
  await item.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('dialog')).toContainText(`${OPEN}/wharf/layers:1`);
});

test('cancel stops a running pull at the engine', async ({ search, page }) => {
  const slow = await startSlowRegistry(OPEN);
  try {
    await page.getByRole('button', { name: 'Registries' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registries' });
    await dialog.getByLabel('Address (host:port)').fill(slow.host);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('status')).toContainText('Connected');
    await dialog.getByRole('button', { name: 'Add registry' }).click();
    await expect(dialog.getByRole('list', { name: 'Your registries' })).toContainText(slow.host);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await search.open();
    await search.search('layers');
    await search.pull(`Registry ${slow.host}`, `${slow.host}/wharf/layers`, '1');
    const item = search.pullItem(`${slow.host}/wharf/layers:1`);
    await expect(item.getByRole('progressbar', { name: /^Layer / }).first()).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => slow.held(), { timeout: 15_000 }).toBeGreaterThan(0);
    await item.getByRole('button', { name: 'Cancel pull' }).click();
    await expect(item).toHaveAttribute('data-state', 'cancelled');
    await expect.poll(() => slow.held(), { timeout: 15_000 }).toBe(0);
    expect(() =>
      execFileSync('docker', ['image', 'inspect', `${slow.host}/wharf/layers:1`], { stdio: 'ignore' }),
    ).toThrow();
  } finally {
    await slow.close();
  }
});

test('a missing tag is explained', async ({ search }) => {
  await search.open();
  await search.search('busybox');
  await search.pull(`Registry ${OPEN}`, `${OPEN}/wharf/busybox`, 'no-such-tag');
  const item = search.pullItem(`${OPEN}/wharf/busybox:no-such-tag`);
  await expect(item).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
  await expect(item.getByRole('alert')).toContainText('the repository has no such tag');
  await expect(item.getByRole('alert')).toHaveAttribute('data-code', 'MANIFEST_UNKNOWN');
});
