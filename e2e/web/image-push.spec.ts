// Push from the Images view (issue 16's Ship, without a build): "Push…" on an image's row opens a
// dialog (registry from the settings, repository, tag), shows `docker tag` + `docker push`, and
// pushes with per-layer progress to the auth registry; the image is then pulled back from it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import { readRegistryState } from '../../scripts/setup/registry-state';
import { WharfApp } from '../pages/wharf-app';
import { docker, uniqueName } from '../support/docker';
import { startWharfWeb, type WharfWeb } from '../support/wharf-web';

const reg = readRegistryState();

/** A wharf web whose settings list the open registry and the auth registry with its login. */
const test = base.extend<{ app: WharfApp }, { wharf: WharfWeb }>({
  wharf: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'wharf-e2e-push-'));
      const registries = [
        { host: reg.WHARF_REGISTRY },
        { host: reg.WHARF_REGISTRY_AUTH, username: reg.WHARF_REGISTRY_USER, secret: reg.WHARF_REGISTRY_PASSWORD },
      ];
      writeFileSync(join(dir, 'registries.json'), JSON.stringify({ registries }), { mode: 0o600 });
      const w = await startWharfWeb({ env: { WHARF_DATA_DIR: dir, WHARF_CONFIG_DIR: dir } });
      await use(w);
      await w.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  app: async ({ page, wharf }, use) => {
    const app = new WharfApp(page);
    await app.open(wharf.url);
    await use(app);
  },
});

const images: string[] = [];
test.afterAll(async () => {
  for (const i of images) await docker('image', 'rm', i).catch(() => undefined);
});

test('push a fixture image from the Images view to the auth registry and pull it back', async ({ app, page }) => {
  const source = `wharf-test/${uniqueName('push-src')}:1`;
  images.push(source);
  await docker('tag', 'wharf-fixture/busybox:1', source);
  const repository = `wharf-test/${uniqueName('from-images')}`;
  const pushed = `${reg.WHARF_REGISTRY_AUTH}/${repository}:v1`;
  images.push(pushed);

  const view = await app.gotoImages();
  const dialog = await view.startPush(source);
  // Logged-in registries come first; the name under it is the image's own path and tag.
  await expect(dialog.getByRole('combobox', { name: 'Registry' })).toHaveValue(reg.WHARF_REGISTRY_AUTH);
  await expect(dialog.getByRole('textbox', { name: 'Repository' })).toHaveValue(source.replace(/:1$/, ''));
  await expect(dialog.getByRole('textbox', { name: 'Tag' })).toHaveValue('1');

  // A name the engine would refuse is explained and cannot be pushed.
  await dialog.getByRole('textbox', { name: 'Repository' }).fill('My App');
  await expect(dialog.getByRole('alert')).toHaveText('Image names cannot contain spaces.');
  await expect(dialog.getByRole('button', { name: 'Push', exact: true })).toBeDisabled();

  await dialog.getByRole('textbox', { name: 'Repository' }).fill(repository);
  await dialog.getByRole('textbox', { name: 'Tag' }).fill('v1');
  await expect(dialog.getByTestId('dialog-cli')).toHaveText(
    `$ docker tag ${source} ${pushed} && docker push ${pushed}`,
  );
  await dialog.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(dialog.getByTestId('push-state')).toHaveText('Pushed', { timeout: 60_000 });
  await expect(dialog.getByTestId('push-progress')).toContainText(/Digest sha256:[a-f0-9]{64}/);
  await expect(app.cliCommand).toHaveText(`$ docker push ${pushed}`);
  await page.screenshot({ path: 'out/screens/images-push-1280x800.png' });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The registry has it: the local copy of that name removed, pulled back with the same id.
  const sourceId = await docker('image', 'inspect', source, '--format', '{{.Id}}');
  await docker('image', 'rm', pushed);
  const config = mkdtempSync(join(tmpdir(), 'wharf-e2e-dcfg-'));
  const auth = Buffer.from(`${reg.WHARF_REGISTRY_USER}:${reg.WHARF_REGISTRY_PASSWORD}`).toString('base64');
  writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [reg.WHARF_REGISTRY_AUTH]: { auth } } }));
  try {
    await docker('--config', config, 'pull', pushed);
  } finally {
    rmSync(config, { recursive: true, force: true });
  }
  expect(await docker('image', 'inspect', pushed, '--format', '{{.Id}}')).toBe(sourceId);
});
