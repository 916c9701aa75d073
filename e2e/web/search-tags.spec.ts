// Issue 14, items 8 and 4, in Chromium against the real engine and registries: the tag picker orders
// tags newest first by version and says which it picked; a registry added while the search box was
// closed is searched when the box reopens with the same term.
import { expect } from '@playwright/test';
import { readRegistryState } from '../../scripts/setup/registry-state';
import { docker } from '../support/docker';
import { testWithRegistries } from '../support/registries-fixture';

const reg = readRegistryState();
const OPEN = reg.WHARF_REGISTRY;
const REPO = `${OPEN}/wharf/e2e-versions`;
// Lexical order (the registry's) lists 0.9 first; newest by version is 1.10.
const TAGS = ['0.9', '1.10', '1.2', 'edge'];
const test = testWithRegistries([{ host: OPEN }]);
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  for (const tag of TAGS) {
    await docker('tag', 'wharf-fixture/busybox:1', `${REPO}:${tag}`);
    await docker('push', `${REPO}:${tag}`);
  }
  // Only the registry keeps them: untag here (the fixture image stays).
  await docker('rmi', ...TAGS.map((t) => `${REPO}:${t}`));
});

test('the tag picker lists the newest version first, picks it and says so', async ({ search }) => {
  await search.open();
  await search.search('e2e-versions');
  await search
    .group(`Registry ${OPEN}`)
    .getByRole('button', { name: new RegExp(`^${REPO.replace(/[.]/g, '\\.')}`) })
    .click();
  await expect(search.tagInput()).toHaveValue('1.10');
  await expect(search.tagPicked()).toHaveText(
    'Picked 1.10, the newest version listed (tags are ordered newest first).',
  );
  expect(await search.tagOptions()).toEqual(['1.10', '1.2', '0.9', 'edge']);
  await search.page.screenshot({ path: 'out/screens/tag-picker-1280x800.png' });
  await expect(search.dialog.getByRole('button', { name: `Pull ${REPO}:1.10` })).toBeVisible();
  // Typing another tag takes the line away: it no longer describes the field.
  await search.tagInput().fill('edge');
  await expect(search.tagPicked()).toBeHidden();
});

test('a registry added while the search box is closed is searched when it reopens', async ({ search, page }) => {
  await search.open();
  await search.search('busybox');
  await expect(search.group(`Registry ${OPEN}`).getByRole('button', { name: /wharf\/busybox/ })).toBeVisible();
  await expect(search.group(`Registry ${reg.WHARF_REGISTRY_AUTH}`)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(search.dialog).toBeHidden();
  await search.addRegistry(reg.WHARF_REGISTRY_AUTH, reg.WHARF_REGISTRY_USER, reg.WHARF_REGISTRY_PASSWORD);
  await search.open();
  await expect(search.input).toHaveValue('busybox');
  await expect(
    search.group(`Registry ${reg.WHARF_REGISTRY_AUTH}`).getByRole('button', { name: /wharf\/busybox/ }),
  ).toBeVisible({ timeout: 15_000 });
});
