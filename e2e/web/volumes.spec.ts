import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker, removeContainers, uniqueName, volumeWith } from '../support/docker';
import { expect, test } from '../support/fixtures';
import { FileBrowserPart, VolumesPage } from '../pages/volumes-page';

// The beginner's lesson "data survives the container", end to end on the real engine, and a
// container's Files tab running and stopped. Everything made here is labelled wharf.test=1.
test.describe('volumes and files', () => {
  const containers: string[] = [];
  const volumes: string[] = [];
  test.afterEach(async () => {
    await removeContainers(...containers.splice(0));
    const v = volumes.splice(0);
    if (v.length) await docker('volume', 'rm', '-f', ...v).catch(() => undefined);
  });

  test('data survives the container: write, remove the container, browse, download, read back', async ({ app }) => {
    const vol = uniqueName('e2e-vol');
    const writer = uniqueName('e2e-writer');
    const reader = uniqueName('e2e-reader');
    volumes.push(vol);
    containers.push(writer, reader);
    const view = await new VolumesPage(app.page).open();
    await view.create(vol, 'wharf.test=1');
    await expect(view.row(vol)).toBeVisible();
    await expect(view.row(vol).getByTestId('volume-users')).toHaveText('Not used');

    // A container writes into the volume, then is removed.
    await docker(
      'run',
      '--name',
      writer,
      '--label',
      'wharf.test=1',
      '-v',
      `${vol}:/data`,
      'wharf-fixture/busybox:1',
      'sh',
      '-c',
      'echo "kept after the container" > /data/note.txt',
    );
    await expect(view.row(vol).getByTestId('volume-users')).toContainText(writer);
    await docker('rm', writer);
    await expect(view.row(vol).getByTestId('volume-users')).toHaveText('Not used');

    // The file is still in the volume: seen in its browser and downloaded with the same bytes.
    const files = await view.browse(vol);
    await expect(files.file('note.txt')).toBeVisible();
    const bytes = await files.download('note.txt');
    expect(bytes.toString()).toBe('kept after the container\n');
    await expect(app.cliCommand).toContainText('docker cp');
    // The helper container goes once the download has ended (removed just after the last byte; over SSH
    // that can be a moment later than the browser's save).
    await expect
      .poll(() => docker('ps', '-a', '-q', '--filter', 'label=wharf.helper', '--filter', `volume=${vol}`), {
        timeout: 10_000,
      })
      .toBe('');

    // Run with this volume pre-fills -v NAME:/data; a new container reads the file back.
    await view
      .row(vol)
      .getByRole('button', { name: `Run a container with volume ${vol}` })
      .click();
    const dialog = app.page.getByRole('dialog');
    await expect(dialog).toContainText(`-v ${vol}:/data`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(
      await docker(
        'run',
        '--rm',
        '--name',
        reader,
        '--label',
        'wharf.test=1',
        '-v',
        `${vol}:/data`,
        'wharf-fixture/busybox:1',
        'cat',
        '/data/note.txt',
      ),
    ).toBe('kept after the container');

    // The volume removed while its browser is open: the panel says so instead of a stale listing.
    await docker('volume', 'rm', vol);
    await expect(app.page.getByRole('region', { name: `Files in volume ${vol}` }).getByRole('alert')).toHaveText(
      `The volume ${vol} was removed.`,
    );
    await expect(view.row(vol)).toHaveCount(0);
  });

  test('Save to a folder: the backend writes the file there, a second save is numbered, nothing else is touched', async ({
    app,
  }) => {
    const vol = uniqueName('e2e-save');
    volumes.push(vol);
    await volumeWith(vol, 'echo "saved by Wharf" > /data/note.txt');
    const folder = mkdtempSync(join(tmpdir(), 'wharf-e2e-save-'));
    try {
      const view = await new VolumesPage(app.page).open();
      const files = await view.browse(vol);
      expect(await files.saveTo('note.txt', folder)).toBe(join(folder, 'note.txt'));
      expect(readFileSync(join(folder, 'note.txt'), 'utf8')).toBe('saved by Wharf\n');
      // (The bar shows a hovered button's command: the pointer goes where no button is.)
      await app.page.mouse.move(1, 1);
      await expect(app.cliCommand).toContainText(`docker cp wharf-cp:/v/note.txt ${folder}`);
      expect(await files.saveTo('note.txt', folder)).toBe(join(folder, 'note (1).txt'));
      expect(readdirSync(folder).sort()).toEqual(['note (1).txt', 'note.txt']);
      // A folder that is not there: the coded error, in the browser's own words.
      await files.file('note.txt').getByRole('button', { name: 'Save note.txt to a folder on this computer' }).click();
      const dialog = app.page.getByRole('dialog', { name: 'Save note.txt to a folder' });
      await dialog.getByRole('combobox', { name: 'Folder on this computer' }).fill(join(folder, 'missing'));
      await dialog.getByRole('button', { name: 'Save here' }).click();
      await expect(files.root.getByRole('alert')).toContainText(`There is no folder ${join(folder, 'missing')}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('deletes a file in a volume no container uses, through a helper that is gone afterwards', async ({ app }) => {
    const vol = uniqueName('e2e-voldel');
    volumes.push(vol);
    await volumeWith(vol, 'echo bye > /data/old.txt && echo stay > /data/keep.txt');
    const view = await new VolumesPage(app.page).open();
    const files = await view.browse(vol);
    await expect(files.file('old.txt')).toBeVisible();
    await files.delete('old.txt');
    await expect(app.cliCommand).toContainText(`rm -rf /v/old.txt`);
    await expect(files.file('keep.txt')).toBeVisible();
    expect(
      await docker(
        'run',
        '--rm',
        '--label',
        'wharf.test=1',
        '-v',
        `${vol}:/data`,
        'wharf-fixture/busybox:1',
        'ls',
        '/data',
      ),
    ).toBe('keep.txt');
    expect(await docker('ps', '-a', '-q', '--filter', 'label=wharf.helper', '--filter', `volume=${vol}`)).toBe('');
  });

  test('an in-use volume names its container and offers no Remove', async ({ app }) => {
    const vol = uniqueName('e2e-vinuse');
    const user = uniqueName('e2e-vuser');
    volumes.push(vol);
    containers.push(user);
    await docker('volume', 'create', '--label', 'wharf.test=1', vol);
    await docker('create', '--name', user, '-v', `${vol}:/d`, 'wharf-fixture/busybox:1');
    const view = await new VolumesPage(app.page).open();
    await view
      .row(vol)
      .getByRole('button', { name: `Remove volume ${vol}` })
      .click();
    await expect(view.dialog.getByTestId('volume-in-use')).toContainText(user);
    await expect(view.dialog.getByRole('button', { name: 'Remove volume' })).toHaveCount(0);
    await view.dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  for (const state of ['running', 'stopped'] as const) {
    test(`Files tab of a ${state} container: browse, upload, read back`, async ({ app }) => {
      const name = uniqueName(`e2e-files-${state}`);
      containers.push(name);
      await docker(
        'run',
        '-d',
        '--name',
        name,
        '--label',
        'wharf.test=1',
        'wharf-fixture/busybox:1',
        'sh',
        '-c',
        'mkdir -p /work && echo seed > /work/seed.txt && sleep 600',
      );
      await expect.poll(() => docker('exec', name, 'ls', '/work')).toContain('seed.txt');
      if (state === 'stopped') await docker('stop', '-t', '0', name);
      const list = await app.gotoContainers();
      await list.show(name);
      const panel = await list.openDetails(name);
      await panel.getByRole('tab', { name: 'Files' }).click();
      const files = new FileBrowserPart(app.page, panel.getByTestId('file-browser'));
      await expect(files.file('work')).toBeVisible();
      await files.openFolder('work');
      await expect(files.file('seed.txt')).toBeVisible();
      await files.upload('hello.txt', Buffer.from(`hello from the ${state} tab\n`));
      await expect(app.cliCommand).toContainText(`docker cp hello.txt ${name}:/work`);
      if (state === 'stopped') await docker('start', name);
      expect(await docker('exec', name, 'cat', '/work/hello.txt')).toBe(`hello from the ${state} tab`);
      await panel.getByRole('button', { name: /docker diff/ }).click();
      await expect(panel.getByTestId('file-changes')).toContainText('/work/hello.txt');
    });
  }
});
