// Search in Chromium against web mode, the real engine and the real docker-registry: local and
// registry results, Docker Hub's own "unreachable" row (this machine is offline), hostile terms.
import { expect } from '@playwright/test';
import { testWithRegistries } from '../support/registries-fixture';
import { readRegistryState } from '../../scripts/setup/registry-state';

const reg = readRegistryState();

/** A wharf web whose settings folder already lists both test registries. */
export const test = testWithRegistries([
  { host: reg.WHARF_REGISTRY },
  { host: reg.WHARF_REGISTRY_AUTH, username: reg.WHARF_REGISTRY_USER, secret: reg.WHARF_REGISTRY_PASSWORD },
]);

test('search shows local images, both registries and a clear "Docker Hub unreachable" row', async ({ search }) => {
  await search.open();
  await search.search('busybox');
  await expect(search.group('On this engine')).toContainText('wharf-fixture/busybox:1');
  await expect(
    search
      .group(`Registry ${reg.WHARF_REGISTRY}`)
      .getByRole('button', { name: new RegExp(`${reg.WHARF_REGISTRY}/wharf/busybox`) }),
  ).toBeVisible();
  await expect(
    search.group(`Registry ${reg.WHARF_REGISTRY_AUTH}`).getByRole('button', { name: /wharf\/busybox/ }),
  ).toBeVisible();
  await expect(search.group('Docker Hub').getByRole('alert')).toContainText('Docker Hub is unreachable: no network', {
    timeout: 15_000,
  });
  await expect(search.dialog).toContainText('docker search busybox');
});

test('hostile terms are only text; the box stays usable', async ({ search, page }) => {
  await search.open();
  for (const term of [
    '../../etc/passwd',
    'http://127.0.0.1:1/?x=<script>alert(1)</script>',
    'x'.repeat(2000),
    'a\u0007b',
  ]) {
    await search.search(term);
    await expect(search.group(`Registry ${reg.WHARF_REGISTRY}`)).toContainText('No matches.');
  }
  expect(await search.input.inputValue()).not.toHaveLength(2000);
  await search.search('httpd');
  await expect(
    search.group(`Registry ${reg.WHARF_REGISTRY}`).getByRole('button', { name: /wharf\/httpd/ }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search.dialog).toBeHidden();
});

test('Korean: the Hub row is translated', async ({ app, search, page }) => {
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.keyboard.press('Control+K');
  await page.getByRole('dialog', { name: '이미지 검색' }).getByRole('searchbox').fill('busybox');
  await expect(page.getByRole('region', { name: 'Docker Hub' }).getByRole('alert')).toContainText(
    'Docker Hub에 연결할 수 없습니다',
    { timeout: 15_000 },
  );
  void app;
  void search;
});
