import { docker, removeContainers, uniqueName } from '../support/docker';
import { expect, test } from '../support/fixtures';
import { importUniqueImage } from '../support/images';

// The images view against the real engine: in-use conflicts explained, force where the engine
// allows it, prune with the space it frees.
test.describe('images view', () => {
  const containers: string[] = [];
  const images: string[] = [];
  test.afterEach(async () => {
    await removeContainers(...containers.splice(0));
    const refs = images.splice(0);
    if (refs.length) await docker('rmi', '-f', ...refs).catch(() => undefined);
  });

  test('lists the fixture image with its size and who uses it', async ({ app }) => {
    const name = uniqueName('e2e-user');
    containers.push(name);
    await docker('create', '--name', name, 'wharf-fixture/busybox:1');
    const images = await app.gotoImages();
    const row = images.row('wharf-fixture/busybox:1');
    await expect(row).toBeVisible();
    await expect(row).toContainText(/\d(\.\d)? ?MB/);
    await expect(images.inUse('wharf-fixture/busybox:1')).toContainText(name);
  });

  test('an image used by a stopped container: the conflict names it and force removes the image', async ({ app }) => {
    const ref = `wharf-test/stopped-${uniqueName('i')}:1`;
    images.push(ref);
    await importUniqueImage(ref);
    const name = uniqueName('e2e-holder');
    containers.push(name);
    await docker('create', '--name', name, ref);

    const view = await app.gotoImages();
    await expect(view.row(ref)).toBeVisible();
    const dialog = await view.startRemove(ref);
    await expect(dialog.getByTestId('dialog-cli')).toHaveText(`$ docker image rm ${ref}`);
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(name);
    await expect(dialog.getByTestId('dialog-cli')).toHaveText(`$ docker image rm -f ${ref}`);
    await dialog.getByRole('button', { name: 'Remove anyway (force)' }).click();
    await expect(dialog).toBeHidden();
    await expect(view.row(ref)).toHaveCount(0);
    await expect(docker('image', 'inspect', ref)).rejects.toThrow(/No such image/);
  });

  test('a tag used by a running container: the conflict says so, and force removes only the tag', async ({ app }) => {
    const ref = `wharf-test/running-${uniqueName('i')}:1`;
    images.push(ref);
    const id = await importUniqueImage(ref);
    const name = uniqueName('e2e-runner');
    containers.push(name);
    await docker('run', '-d', '--name', name, ref);

    const view = await app.gotoImages();
    const dialog = await view.startRemove(ref);
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(`used by the running container ${name}`);
    await dialog.getByRole('button', { name: 'Remove anyway (force)' }).click();
    await expect(dialog).toBeHidden();
    await expect(view.row(ref)).toHaveCount(0);
    await expect(docker('image', 'inspect', ref)).rejects.toThrow(/No such image/);
    // The running container keeps its image.
    expect(await docker('image', 'inspect', '--format', '{{.Id}}', id)).toBe(id);
    expect(await docker('inspect', '--format', '{{.State.Status}}', name)).toBe('running');
  });

  test('prune shows the dangling images and the space they free, then removes them', async ({ app }) => {
    const ref = `wharf-test/dangle-${uniqueName('i')}:1`;
    const oldId = await importUniqueImage(ref);
    await importUniqueImage(ref); // takes the tag: the first image is now dangling
    images.push(ref);
    const view = await app.gotoImages();
    await app.page.getByRole('button', { name: 'Remove dangling images' }).click();
    await expect(view.dialog.getByTestId('prune-preview')).toContainText(/dangling image/);
    await expect(view.dialog.getByTestId('prune-preview')).toContainText(/[kMG]B/);
    await view.dialog.getByRole('button', { name: 'Remove them' }).click();
    await expect(app.page.getByText(/^Removed \d+ images and freed/)).toBeVisible();
    await expect(docker('image', 'inspect', oldId)).rejects.toThrow(/No such image/);
  });
});
