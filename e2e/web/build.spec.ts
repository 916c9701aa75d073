// Issue 16 in Chromium against web mode and the real engine: a beginner's Dockerfile (FROM the
// httpd fixture: containers have no network) built from a folder picked with the path field's
// completion, its steps and log shown, then run with -p 3000:3000 from the build's Run button,
// and the page fetched from the published port.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readRegistryState } from '../../scripts/setup/registry-state';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import { BuildPage } from '../pages/build-page';
import { RunDialogPage } from '../pages/run-dialog';
import { WharfApp } from '../pages/wharf-app';
import { docker, trackedNames, uniqueName } from '../support/docker';
import { startWharfWeb, type WharfWeb } from '../support/wharf-web';

const reg = readRegistryState();

/** A wharf web with its own data folder (the build history and logs) whose settings list the
 *  auth registry with its login. */
const test = base.extend<{ app: WharfApp }, { wharf: WharfWeb }>({
  wharf: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'wharf-e2e-build-'));
      const registries = [
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

const names = trackedNames();
const images: string[] = [];
let root: string;
test.beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'wharf-e2e-app-'));
});
test.afterEach(() => names.cleanup());
test.afterAll(async () => {
  for (const i of images) await docker('image', 'rm', '-f', i).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

/** The beginner's app: package.json, an "install" step, the page, EXPOSE 3000. */
function beginnerApp(): string {
  const dir = join(root, 'my-node-app');
  mkdirSync(join(dir, 'node_modules', 'left-pad'), { recursive: true });
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      'FROM wharf-fixture/httpd:1',
      'WORKDIR /app',
      'COPY package.json .',
      'RUN echo "npm install" && cp package.json installed.json',
      'COPY . .',
      'EXPOSE 3000',
      'CMD ["httpd", "-f", "-p", "3000", "-h", "/app"]',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'package.json'), '{"name":"my-node-app","scripts":{"start":"node index.js"}}\n');
  writeFileSync(join(dir, 'index.html'), '<h1>Hello from my first image</h1>\n');
  writeFileSync(join(dir, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1;\n'.repeat(2000));
  return dir;
}

const portFree = (port: number): Promise<boolean> =>
  new Promise((ok) => {
    const s = createServer()
      .once('error', () => ok(false))
      .listen(port, '127.0.0.1', () => s.close(() => ok(true)));
  });

test('build a beginner Dockerfile, run it with -p 3000:3000, fetch the page, push it and pull it back', async ({
  app,
  page,
}) => {
  const folder = beginnerApp();
  const tag = `${uniqueName('wharf-test-e2e-app')}:1.0`;
  images.push(tag);
  const build = new BuildPage(page);
  await build.open();
  await build.chooseFolder(folder);
  // The context counted before upload, with the one-click hint for node_modules.
  await expect(build.contextSize).toContainText('4 files');
  await page.getByRole('button', { name: 'Add node_modules to .dockerignore' }).click();
  // .dockerignore itself is sent (+1), node_modules/left-pad/index.js no more (-1).
  await expect(build.contextSize).toContainText('A .dockerignore leaves some files out.');
  await expect(build.contextSize).toContainText('4 files');
  await expect(page.getByRole('button', { name: 'Add node_modules to .dockerignore' })).toHaveCount(0);

  await build.tags.fill('My App');
  await expect(page.getByText('My App: Image names cannot contain spaces.')).toBeVisible();
  await expect(build.buildButton).toBeDisabled();
  await build.tags.fill(tag);
  await expect(build.cli).toHaveText(`$ docker build -t ${tag} ${folder}/`);
  await build.buildButton.click();
  await expect(app.cliCommand).toHaveText(`$ docker build -t ${tag} ${folder}/`);
  await expect(build.state).toHaveText('Built', { timeout: 60_000 });
  await expect(build.step).toHaveText('Step 7/7: CMD ["httpd", "-f", "-p", "3000", "-h", "/app"]');
  await expect.poll(() => build.logText()).toContain(`Successfully tagged ${tag}`);
  await expect(page.getByTestId('build-history-row').first()).toContainText(tag);
  await page.screenshot({ path: 'out/screens/build-done-1280x800.png' });

  // Leaving the view and coming back keeps the build and its whole log.
  await app.gotoImages();
  await build.open();
  await expect(build.state).toHaveText('Built');
  await expect.poll(() => build.logText()).toContain('Step 4/7 : RUN echo "npm install"');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const run = new RunDialogPage(page);
  await expect(run.dialog).toBeVisible();
  await expect(run.hostPort(1)).toHaveValue('3000');
  await expect(run.containerPort(1)).toHaveValue('3000');
  // Port 3000 is the beginner's; on a shared machine another program may hold it.
  const hostPort = (await portFree(3000)) ? 3000 : 20_000 + Math.floor(Math.random() * 10_000);
  if (hostPort !== 3000) await run.hostPort(1).fill(String(hostPort));
  await run.name.fill(names.named('e2e-build-run'));
  await expect(run.cli).toContainText(`-p 127.0.0.1:${hostPort}:3000`);
  await run.run();
  await expect
    .poll(
      async () =>
        await fetch(`http://127.0.0.1:${hostPort}/`)
          .then((r) => r.text())
          .catch(() => ''),
      {
        timeout: 20_000,
      },
    )
    .toContain('Hello from my first image');

  // Ship: tag it under the auth registry (its login is in the settings) and push, per layer.
  await build.open();
  const pushed = `${reg.WHARF_REGISTRY_AUTH}/${tag}`;
  images.push(pushed);
  const push = page.getByRole('region', { name: 'Tag and push (Ship)' });
  await expect(push.getByRole('textbox', { name: /^Name to push/ })).toHaveValue(pushed);
  await push.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(push.getByTestId('push-state')).toHaveText('Pushed', { timeout: 60_000 });
  await expect(app.cliCommand).toHaveText(`$ docker push ${pushed}`);
  await page.screenshot({ path: 'out/screens/build-pushed-1280x800.png' });
  // Pulled back under its registry name (the local copy of that name removed first).
  const builtId = await docker('image', 'inspect', tag, '--format', '{{.Id}}');
  await docker('image', 'rm', pushed);
  const config = mkdtempSync(join(tmpdir(), 'wharf-e2e-dcfg-'));
  const auth = Buffer.from(`${reg.WHARF_REGISTRY_USER}:${reg.WHARF_REGISTRY_PASSWORD}`).toString('base64');
  writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [reg.WHARF_REGISTRY_AUTH]: { auth } } }));
  try {
    await docker('--config', config, 'pull', pushed);
  } finally {
    rmSync(config, { recursive: true, force: true });
  }
  expect(await docker('image', 'inspect', pushed, '--format', '{{.Id}}')).toBe(builtId);
});

test('a failing RUN shows its Dockerfile line beside the log', async ({ app: _app, page }) => {
  const dir = join(root, 'broken');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), 'FROM wharf-fixture/busybox:1\n# install\nRUN echo oops && exit 2\n');
  const build = new BuildPage(page);
  await build.open();
  // The keyboard path: part of the name, arrow down to the suggestion, Enter takes it.
  await build.folder.fill(`${root}/bro`);
  await expect(build.suggestions.getByRole('option', { name: 'broken/', exact: true })).toBeVisible();
  await build.folder.press('ArrowDown');
  await build.folder.press('Enter');
  await expect(build.folder).toHaveValue(`${dir}/`);
  await build.folder.press('Escape');
  await expect(build.contextSize).toContainText('1 file');
  await build.buildButton.click();
  await expect(build.state).toHaveText('Failed', { timeout: 60_000 });
  // The classic builder (this engine's only one) needs no "only the plain log" BuildKit note.
  await expect(page.getByRole('note').filter({ hasText: 'BuildKit' })).toHaveCount(0);
  await expect(page.getByTestId('build-error-line')).toHaveText('Dockerfile line 3: RUN echo oops && exit 2');
  await expect(page.getByRole('alert').filter({ hasText: 'failed with exit code 2' })).toBeVisible();
  await expect.poll(() => build.logText()).toContain('oops');
});
