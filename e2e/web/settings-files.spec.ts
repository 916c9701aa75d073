// A corrupt targets.json and registries.json on disk (issue 15, item 7): Wharf starts without them,
// keeps each bad file beside it (never overwritten), and says so with both paths in the banner,
// the Engines dialog and the Registries dialog. Its own data and settings folders: the user's are
// never touched.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { SettingsNoticesPage } from '../pages/settings-notices';
import { TargetsPage } from '../pages/targets-page';
import { WharfApp } from '../pages/wharf-app';
import { startWharfWeb, type WharfWeb } from '../support/wharf-web';

const BAD_TARGETS = '{"active": "box", "targets": [{"name": "box", "engine": "ssh://me@box:22"';
const BAD_REGISTRIES = '{"registries": {"host": "reg.example", "secret": "hunter2"}}';

const test = base.extend<{ dir: string; wharf: WharfWeb }>({
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-e2e-settings-'));
    writeFileSync(join(dir, 'targets.json'), BAD_TARGETS, { mode: 0o600 });
    writeFileSync(join(dir, 'registries.json'), BAD_REGISTRIES, { mode: 0o600 });
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  wharf: async ({ dir }, use) => {
    const w = await startWharfWeb({
      args: ['--engine', 'local'],
      env: { WHARF_DATA_DIR: dir, WHARF_CONFIG_DIR: dir, DOCKER_CONFIG: join(dir, 'docker-config') },
    });
    await use(w);
    await w.stop();
  },
});

test.beforeEach(({}, info) =>
  test.skip(info.project.metadata?.engine === 'ssh', 'settings files do not depend on the engine (web project)'),
);

const keptCopy = (dir: string, file: string): string => {
  const name = readdirSync(dir).find((n) => n.startsWith(`${file}.corrupt-`));
  if (!name) throw new Error(`${file} was not set aside`);
  return join(dir, name);
};

test('corrupt targets.json and registries.json are kept aside and named with both paths', async ({
  page,
  wharf,
  dir,
}) => {
  const app = new WharfApp(page);
  await app.open(wharf.url);
  const notes = new SettingsNoticesPage(page);
  await expect(notes.banner).toBeVisible();
  const targetsKept = keptCopy(dir, 'targets.json');
  const registriesKept = keptCopy(dir, 'registries.json');
  expect(readFileSync(targetsKept, 'utf8')).toBe(BAD_TARGETS);
  expect(readFileSync(registriesKept, 'utf8')).toBe(BAD_REGISTRIES);
  await expect(notes.notice(notes.banner, 'targets.json')).toContainText(join(dir, 'targets.json'));
  await expect(notes.notice(notes.banner, 'targets.json')).toContainText(`kept as ${targetsKept}`);
  await expect(notes.notice(notes.banner, 'registries.json')).toContainText(`kept as ${registriesKept}`);

  // The Engines dialog names the targets file; a save writes a new one, the kept copy stays.
  const targets = new TargetsPage(page);
  await targets.open();
  await expect(notes.notice(targets.dialog, 'targets.json')).toContainText(targetsKept);
  await expect(notes.notice(targets.dialog, 'registries.json')).toHaveCount(0);
  await targets.add('box2', 'me@127.0.0.1:1');
  await expect(targets.row('box2')).toBeVisible();
  await targets.close();
  expect(JSON.parse(readFileSync(join(dir, 'targets.json'), 'utf8')).targets).toEqual([
    { name: 'box2', engine: 'ssh://me@127.0.0.1:1' },
  ]);
  expect(readFileSync(targetsKept, 'utf8')).toBe(BAD_TARGETS);

  // The Registries dialog names the registries file.
  await notes.openRegistries();
  await expect(notes.notice(notes.registriesDialog, 'registries.json')).toContainText(registriesKept);
  await expect(notes.notice(notes.registriesDialog, 'targets.json')).toHaveCount(0);
  await notes.registriesDialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  // In Korean too, with the same paths.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const ko = page.getByRole('region', { name: '설정 파일' });
  await expect(notes.notice(ko, 'targets.json')).toContainText(`${targetsKept}(으)로 보관했습니다`);
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');

  await notes.hide();
  await expect(notes.banner).toBeHidden();
});

test('a read-only data folder is said at start, in the window and on the console', async ({ page }) => {
  // A tmpfs mounted read-only: chmod does not stop root, a read-only mount does.
  const root = mkdtempSync(join(tmpdir(), 'wharf-e2e-rodata-'));
  const ro = join(root, 'data');
  mkdirSync(ro);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', ro]);
  try {
    const wharf = await startWharfWeb({
      args: ['--engine', 'local'],
      env: { WHARF_DATA_DIR: ro, WHARF_CONFIG_DIR: ro, DOCKER_CONFIG: join(root, 'docker-config') },
    });
    try {
      await new WharfApp(page).open(wharf.url);
      const notes = new SettingsNoticesPage(page);
      const problem = notes.banner.getByRole('alert');
      await expect(problem).toHaveAttribute('data-code', 'SETTINGS_WRITE_FAILED');
      await expect(problem).toContainText(`Wharf could not save ${ro}`);
      expect(wharf.output()).toContain(`Wharf could not save ${ro}`);
    } finally {
      await wharf.stop();
    }
  } finally {
    execFileSync('umount', ['-l', ro]);
    rmSync(root, { recursive: true, force: true });
  }
});
