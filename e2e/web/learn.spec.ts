// The first lessons played through in Chromium against the real engine (learn-more.spec.ts has the
// rest): half of the steps in Wharf's UI, half with the real docker CLI, each check turning green by
// itself, a wrong action answered with its hint, and the engine left as it was. Wharf runs with a
// fresh settings folder (its progress file) and the test registry configured; what the test makes
// itself is labelled wharf.test=1. Also: a lesson image the engine lacks, looked for in the sources.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { LearnPage } from '../pages/learn-page';
import { docker, uniqueName } from '../support/docker';
import { expectAsItWas, leftovers, makeBystanders, removeLeftovers } from '../support/lesson-engine';
import { testWithRegistries } from '../support/registries-fixture';
import { readRegistryState } from '../../scripts/setup/registry-state';

const OPEN = readRegistryState().WHARF_REGISTRY ?? '';
const test = testWithRegistries([{ host: OPEN }]);
test.describe.configure({ mode: 'serial' });
test.afterEach(removeLeftovers);

const LESSON_CONTAINERS = [
  'learn-hello',
  'learn-web',
  'learn-web-2',
  'learn-web-3',
  'learn-data-1',
  'learn-data-2',
  'learn-data-3',
];

test('A lesson image the engine lacks: each source asked, the registry’s copy used, the way to get one said', async ({
  app,
}) => {
  // hello-world as a registry of one's own holds it, under a folder (Docker Hub is out of reach here).
  const ref = `${OPEN}/learn-e2e/hello-world:latest`;
  await docker('tag', 'wharf-fixture/busybox:1', ref);
  await docker('push', ref);
  await docker('rmi', ref);
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('image-container');
  const sources = app.page.getByTestId('learn-sources');
  await expect(sources).toContainText('hello-world:latest is not on this engine yet.');
  const registry = sources.getByTestId(`learn-source-${OPEN}`);
  await expect(registry).toHaveAttribute('data-state', 'found', { timeout: 15_000 });
  await expect(registry).toContainText(`${OPEN} has it:`);
  await expect(registry.getByText(ref, { exact: true })).toBeVisible();
  // Hub answers when online; here it cannot be reached, and says so with its code.
  const hub = sources.getByTestId('learn-source-hub');
  await expect(hub).toHaveAttribute('data-state', /^(found|failed)$/);
  if ((await hub.getAttribute('data-state')) === 'failed') {
    await expect(hub).toContainText('Docker Hub could not be asked.');
    await expect(hub.getByRole('alert')).toHaveAttribute('data-code', /^HUB_/);
  }

  await registry.getByRole('button', { name: 'Use this one' }).click();
  await expect(learn.imageField).toHaveValue(ref);
  await expect(learn.command('pull')).toHaveText(`$ docker image pull ${ref}`);
  await expect(sources.getByTestId(`learn-source-${OPEN}`)).toContainText('(this lesson uses it)');

  // A tag no source has: how to get it, in words and commands.
  await learn.useImage('hello-world:no-such-tag');
  await expect(sources.getByTestId(`learn-source-${OPEN}`)).toHaveAttribute('data-state', 'missing');
  await expect(sources.getByTestId('learn-sources-none')).toContainText(
    'docker save -o image.tar hello-world:no-such-tag',
  );
  await app.page.screenshot({ path: 'out/screens/learn-sources-1280x800.png' });
});

test('Image and container: pull with the CLI, run in Wharf, rm with the CLI, rmi in Wharf', async ({ app }) => {
  test.setTimeout(120_000);
  // An image only the registry has, as hello-world would be on Docker Hub.
  const ref = `${OPEN}/learn-e2e/hello:${uniqueName('t')}`;
  await docker('tag', 'wharf-fixture/busybox:1', ref);
  await docker('push', ref);
  await docker('rmi', ref);
  leftovers.images.push(ref);
  leftovers.containers.push(...LESSON_CONTAINERS);
  const kept = await makeBystanders();

  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('image-container');
  await learn.useImage(ref);
  await expect(learn.step('pull')).toHaveAttribute('data-state', 'active');
  await expect(learn.command('pull')).toHaveText(`$ docker image pull ${ref}`);

  // 1. CLI: docker pull; the step turns green by itself, and stays so after a reload (saved).
  await docker('pull', ref);
  await learn.expectDone('pull');
  await app.page.reload();
  await learn.open();
  await learn.startLesson('image-container');
  await expect(learn.step('pull')).toHaveAttribute('data-state', 'done');
  await expect(learn.step('run')).toHaveAttribute('data-state', 'active');

  // A wrong action: a container from the image under another name gets its hint.
  const other = uniqueName('e2e-learn-other');
  leftovers.containers.push(other);
  await docker('create', '--name', other, '--label', 'wharf.test=1', ref);
  await expect(learn.hint('run')).toContainText(
    `A container ${other} is there, but this lesson follows one named learn-hello`,
  );
  await expect(learn.step('run')).toHaveAttribute('data-state', 'active');
  await docker('rm', other);
  await expect(learn.hint('run')).toHaveCount(0);

  // 2. UI: the step's button opens the Run dialog filled in; Run. The container runs and exits.
  await learn.button('run', 'Open the Run dialog').click();
  await expect(learn.runDialog.name).toHaveValue('learn-hello');
  await expect(learn.runDialog.image).toHaveValue(ref);
  await learn.runDialog.run();
  // Wharf shows the new container in its list, as after any run; the lesson is where it was.
  await learn.open();
  await learn.expectDone('run');
  await learn.expectDone('exited');

  // 3. CLI: docker rm.
  await docker('container', 'rm', 'learn-hello');
  await learn.expectDone('remove-container');
  // Saved as they turned green: after a reload, run and exited are still done although the
  // container they checked is gone.
  await app.page.reload();
  await learn.open();
  await learn.startLesson('image-container');
  for (const id of ['pull', 'run', 'exited', 'remove-container'])
    await expect(learn.step(id)).toHaveAttribute('data-state', 'done');
  await expect(learn.step('remove-image')).toHaveAttribute('data-state', 'active');

  // 4. UI: remove the image in Wharf.
  await learn.button('remove-image', 'Remove the image in Wharf').click();
  await learn.expectDone('remove-image');
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept, ref);
});

test('Ports: run in Wharf, two more with the CLI, stop with the CLI, clean up in Wharf', async ({ app }) => {
  test.setTimeout(120_000);
  leftovers.containers.push(...LESSON_CONTAINERS);
  const kept = await makeBystanders();
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('ports');
  // The lesson is written for nginx from Docker Hub; the fixture httpd stands in for it here.
  await learn.useImage('wharf-fixture/httpd:1');
  await expect(learn.command('run-web')).toHaveText(
    '$ docker container run -d -p 5000:80 --name learn-web wharf-fixture/httpd:1',
  );

  // A wrong action: the server runs, but its port is not published.
  await docker('run', '-d', '--name', 'learn-web', '--label', 'wharf.test=1', 'wharf-fixture/httpd:1');
  await expect(learn.hint('run-web')).toHaveText(
    'The container learn-web runs, but port 5000 is not published. Remove it and run it again with -p 5000:…',
  );
  await docker('rm', '-f', 'learn-web');
  await expect(learn.hint('run-web')).toHaveCount(0);

  // 1. UI: the Run dialog, filled with -p 5000:80; the page answers on port 5000.
  await learn.button('run-web', 'Open the Run dialog').click();
  await expect(learn.runDialog.name).toHaveValue('learn-web');
  await expect(learn.runDialog.hostPort(1)).toHaveValue('5000');
  await learn.runDialog.run();
  await learn.open();
  await learn.expectDone('run-web');
  const page = await app.page.request.get('http://127.0.0.1:5000/');
  expect(page.status()).toBeLessThan(500);

  // 2. CLI: two more from the same image on 5001 and 5002.
  for (const [name, port] of [
    ['learn-web-2', 5001],
    ['learn-web-3', 5002],
  ] as const) {
    await docker('run', '-d', '-p', `${port}:80`, '--name', name, '--label', 'wharf.test=1', 'wharf-fixture/httpd:1');
  }
  await learn.expectDone('more');

  // 3. CLI: stop all three.
  await docker('stop', '-t', '1', 'learn-web', 'learn-web-2', 'learn-web-3');
  await learn.expectDone('stop');

  // 4. UI: the lesson's clean-up removes its three containers, nothing else.
  await learn.button('cleanup', 'Clean up this lesson').click();
  await expect(learn.step('cleanup').getByTestId('learn-removed')).toHaveText(
    'Removed: container learn-web, container learn-web-2, container learn-web-3.',
  );
  await learn.expectDone('cleanup');
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept);
});

test('Data: run and create in Wharf, mount and remove with the CLI, read back, clean up in Wharf', async ({ app }) => {
  test.setTimeout(120_000);
  leftovers.containers.push(...LESSON_CONTAINERS);
  leftovers.volumes.push('learn-data');
  const kept = await makeBystanders();
  const image = 'wharf-fixture/busybox:1';
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('data');
  await learn.useImage(image);

  // 1. UI: a container writes /note.txt in its own files and stops.
  await learn.button('write', 'Open the Run dialog').click();
  await expect(learn.runDialog.name).toHaveValue('learn-data-1');
  await learn.runDialog.run();
  await learn.open();
  await learn.expectDone('write');

  // 2. CLI: remove it (the file goes with it). 3. UI: make the volume.
  await docker('rm', 'learn-data-1');
  await learn.expectDone('gone');
  await learn.button('volume', 'Create it in Wharf').click();
  await learn.expectDone('volume');

  // A wrong action: the container of the next step without the volume gets its hint.
  await docker('run', '--name', 'learn-data-2', '--label', 'wharf.test=1', image, 'true');
  await expect(learn.hint('write-volume')).toHaveText(
    'learn-data-2 exists, but the volume learn-data is not mounted in it. Remove it and run it again with -v learn-data:/data.',
  );
  await docker('rm', 'learn-data-2');

  // 4-5. CLI: write into the volume, remove the container; the volume stays.
  await docker(
    'run',
    '--name',
    'learn-data-2',
    '--label',
    'wharf.test=1',
    '-v',
    'learn-data:/data',
    image,
    'sh',
    '-c',
    'echo kept > /data/note.txt',
  );
  await learn.expectDone('write-volume');
  await docker('rm', 'learn-data-2');
  await learn.expectDone('remove-again');

  // 6. UI: a new container mounts the volume; docker cp finds the file written by the removed one.
  await learn.button('read', 'Open the Run dialog').click();
  await expect(learn.runDialog.name).toHaveValue('learn-data-3');
  await learn.runDialog.run();
  await learn.open();
  await learn.expectDone('read');
  // The step's own docker cp command copies the file out.
  const out = mkdtempSync(join(tmpdir(), 'wharf-e2e-learn-'));
  await docker('container', 'cp', 'learn-data-3:/data/note.txt', join(out, 'note.txt'));
  expect(readFileSync(join(out, 'note.txt'), 'utf8')).toBe('kept\n');
  rmSync(out, { recursive: true, force: true });

  // 7. UI: the clean-up removes the lesson's container and volume, nothing else.
  await learn.button('cleanup', 'Clean up this lesson').click();
  await expect(learn.step('cleanup').getByTestId('learn-removed')).toHaveText(
    'Removed: container learn-data-3, volume learn-data.',
  );
  await learn.expectDone('cleanup');
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept);
});

test('Registry, repository, tag: two tags and one of your own with the CLI, removed in Wharf', async ({ app }) => {
  test.setTimeout(120_000);
  // A repository only the registry has, with two tags (as redis:4.0 and redis:latest on Docker Hub).
  const repo = `${OPEN}/learn-e2e/${uniqueName('tags')}`;
  for (const tag of ['1', 'latest']) {
    await docker('tag', 'wharf-fixture/busybox:1', `${repo}:${tag}`);
    await docker('push', `${repo}:${tag}`);
    await docker('rmi', `${repo}:${tag}`);
  }
  leftovers.images.push(`${repo}:1`, `${repo}:latest`, 'learn/my-image:v1');
  const kept = await makeBystanders();
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('tags');
  await learn.useImage(`${repo}:1`);

  // 1-2. CLI: pull both tags; each step turns green by itself.
  await docker('pull', `${repo}:1`);
  await learn.expectDone('pull-one');
  await expect(learn.command('pull-two')).toContainText(`docker image pull ${repo}:latest`);
  await docker('pull', `${repo}:latest`);
  await learn.expectDone('pull-two');

  // A wrong action: the own tag on another image gets its hint.
  await docker('tag', 'wharf-fixture/httpd:1', 'learn/my-image:v1');
  await expect(learn.hint('own-tag')).toHaveText(
    `learn/my-image:v1 exists but points to another image than ${repo}:1. Remove it and tag ${repo}:1 again.`,
  );
  await docker('rmi', 'learn/my-image:v1');

  // 3. CLI: the own tag, on the lesson's image.
  await docker('image', 'tag', `${repo}:1`, 'learn/my-image:v1');
  await learn.expectDone('own-tag');

  // 4. UI: remove the three names; the bytes stay for wharf-fixture/busybox:1, which shares them.
  await learn.button('remove-all', 'Remove them in Wharf').click();
  await learn.expectDone('remove-all');
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept);
  const left = await docker('images', '--format', '{{.Repository}}:{{.Tag}}');
  expect(left.split('\n').filter((r) => r.startsWith(repo) || r === 'learn/my-image:v1')).toEqual([]);
});

test('Networks: two on the bridge in Wharf, a network and two on it with the CLI, clean up in Wharf', async ({
  app,
}) => {
  test.setTimeout(120_000);
  leftovers.containers.push('learn-net-a', 'learn-net-b', 'learn-net-c', 'learn-net-d');
  const kept = await makeBystanders();
  const image = 'wharf-fixture/busybox:1';
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('networks');
  await learn.useImage(image);

  // 1. UI: the step's button opens the Run dialog for the first container missing, then the next.
  for (const name of ['learn-net-a', 'learn-net-b']) {
    await learn.button('bridge', 'Open the Run dialog').click();
    await expect(learn.runDialog.name).toHaveValue(name);
    await learn.runDialog.run();
    await learn.open();
  }
  await learn.expectDone('bridge');
  expect(await docker('inspect', '--format', '{{.NetworkSettings.Networks.bridge.IPAddress}}', 'learn-net-a')).toMatch(
    /^172\.17\./,
  );

  // 2. CLI: the network.
  await docker('network', 'create', '--label', 'wharf.test=1', 'learn-net');
  await learn.expectDone('create');

  // A wrong action: a container of the step on the default bridge gets its hint.
  await docker('run', '-d', '--name', 'learn-net-c', '--label', 'wharf.test=1', image, 'sleep', '3600');
  await expect(learn.hint('by-name')).toHaveText(
    'learn-net-c runs, but it is not on the network learn-net. Remove it and run it again with --network learn-net.',
  );
  await docker('rm', '-f', 'learn-net-c');

  // 3. CLI: two containers on learn-net; they find each other by name.
  for (const name of ['learn-net-c', 'learn-net-d'])
    await docker(
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'learn-net',
      '--label',
      'wharf.test=1',
      image,
      'sleep',
      '3600',
    );
  await learn.expectDone('by-name');
  expect(await docker('exec', 'learn-net-c', 'ping', '-c', '1', '-W', '5', 'learn-net-d')).toContain(
    '1 packets received',
  );

  // 4. UI: the clean-up removes the four containers and the network, nothing else.
  await learn.button('cleanup', 'Clean up this lesson').click();
  await expect(learn.step('cleanup').getByTestId('learn-removed')).toHaveText(
    'Removed: container learn-net-a, container learn-net-b, container learn-net-c, container learn-net-d, network learn-net.',
  );
  await learn.expectDone('cleanup');
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept);
  expect(await docker('network', 'ls', '--filter', 'name=^learn-net$', '-q')).toBe('');
});
