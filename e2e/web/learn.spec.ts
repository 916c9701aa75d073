// Two lessons played through in Chromium against the real engine: half of the steps in Wharf's UI,
// half with the real docker CLI, each check turning green by itself, a wrong action answered with
// its hint, and the engine left as it was. Wharf runs with a fresh settings folder (its progress
// file) and the test registry configured; what the test makes itself is labelled wharf.test=1.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from '@playwright/test';
import { BuildPage } from '../pages/build-page';
import { LearnPage } from '../pages/learn-page';
import { ShellPanel } from '../pages/shell-panel';
import { docker, removeContainers, uniqueName } from '../support/docker';
import { testWithRegistries } from '../support/registries-fixture';
import { readRegistryState } from '../../scripts/setup/registry-state';

const OPEN = readRegistryState().WHARF_REGISTRY ?? '';
const test = testWithRegistries([{ host: OPEN }]);
test.describe.configure({ mode: 'serial' });

/** Every container, image and volume on the engine, by name. */
async function engineNames(): Promise<Set<string>> {
  const lists = await Promise.all([
    docker('ps', '-a', '--format', 'container {{.Names}}'),
    docker('images', '--format', 'image {{.Repository}}:{{.Tag}}'),
    docker('volume', 'ls', '--format', 'volume {{.Name}}'),
  ]);
  return new Set(lists.flatMap((l) => l.split('\n').filter(Boolean)));
}

/**
 * Things of the user's that look like the lesson's (a container learn-web-<x>, a volume
 * learn-<x>): a clean-up that went by prefix instead of exact names would take them.
 */
async function makeBystanders(): Promise<string[]> {
  const container = `learn-web-${uniqueName('mine')}`;
  const volume = `learn-${uniqueName('mine')}`;
  strays.push(container);
  bystanderVolumes.push(volume);
  await docker('create', '--name', container, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1');
  await docker('volume', 'create', '--label', 'wharf.test=1', volume);
  return [`container ${container}`, `volume ${volume}`, 'image wharf-fixture/busybox:1', 'image wharf-fixture/httpd:1'];
}

/**
 * The engine is as it was: what was there (the bystanders, the fixture images) is still there, and
 * nothing of the lesson's is left. Other test runs share this engine, so the rest is not compared.
 */
async function expectAsItWas(kept: string[], lessonImage?: string): Promise<void> {
  const after = await engineNames();
  expect(
    kept.filter((k) => !after.has(k)),
    'removed by the lesson',
  ).toEqual([]);
  const left = [...after].filter(
    (x) =>
      !kept.includes(x) &&
      (/^container (e2e-)?learn-/.test(x) || x === 'volume learn-data' || x === `image ${lessonImage}`),
  );
  expect(left, 'left by the lesson').toEqual([]);
}

const LESSON_CONTAINERS = [
  'learn-hello',
  'learn-web',
  'learn-web-2',
  'learn-web-3',
  'learn-data-1',
  'learn-data-2',
  'learn-data-3',
];
const strays: string[] = [];
const bystanderVolumes: string[] = [];
/** Image names a test made or pulled, removed after it whatever happened (names only: the bytes are the fixture's). */
const strayImages: string[] = [];
test.afterEach(async () => {
  for (const ref of strayImages.splice(0)) await docker('rmi', ref).catch(() => undefined);
  // The bystanders, and the lesson's own names when a test failed half-way.
  await removeContainers(...strays.splice(0));
  await docker('network', 'rm', 'learn-net').catch(() => undefined);
  const v = bystanderVolumes.splice(0);
  if (v.length) await docker('volume', 'rm', '-f', ...v).catch(() => undefined);
});

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
  strayImages.push(ref);
  strays.push(...LESSON_CONTAINERS);
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
  strays.push(other);
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
  strays.push(...LESSON_CONTAINERS);
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
  strays.push(...LESSON_CONTAINERS);
  bystanderVolumes.push('learn-data');
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
  strayImages.push(`${repo}:1`, `${repo}:latest`, 'learn/my-image:v1');
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
  strays.push('learn-net-a', 'learn-net-b', 'learn-net-c', 'learn-net-d');
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

test('Compose: the step’s own commands up and down with the real docker-compose', async ({ app }) => {
  test.setTimeout(120_000);
  strays.push('learn-compose-web', 'learn-compose-db');
  const kept = await makeBystanders();
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('compose');
  await learn.useImage('wharf-fixture/busybox:1');

  // A wrong action: the two containers made with docker run are not a compose project.
  for (const name of ['learn-compose-web', 'learn-compose-db'])
    await docker('run', '-d', '--name', name, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1', 'sleep', '3600');
  await expect(learn.hint('up')).toContainText('exists, but not as part of the project learn-compose');
  await docker('rm', '-f', 'learn-compose-web', 'learn-compose-db');

  // The step's command as shown (here-document and all) run by a real shell in an empty folder.
  const folder = mkdtempSync(join(tmpdir(), 'wharf-e2e-compose-'));
  try {
    const up = ((await learn.command('up').textContent()) ?? '').replace(/^\$ /gm, '');
    await promisify(execFile)('sh', ['-c', up], { cwd: folder });
    await learn.expectDone('up', 60_000);
    await promisify(execFile)('docker-compose', ['-p', 'learn-compose', 'down'], {
      cwd: join(folder, 'learn-compose'),
    });
    await learn.expectDone('down', 60_000);
  } finally {
    await promisify(execFile)('docker-compose', ['-p', 'learn-compose', 'down'], {
      cwd: join(folder, 'learn-compose'),
    }).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept);
  expect(await docker('network', 'ls', '--filter', 'name=^learn-compose_default$', '-q')).toBe('');
});

test('Two versions side by side: one tag in Wharf, the other with the CLI, both at once, clean up in Wharf', async ({
  app,
}) => {
  test.setTimeout(120_000);
  // Two tags of one repository, as redis and redis:4.0 would be on Docker Hub (names only: the
  // bytes are the fixture's web server, which keeps running).
  const repo = `learn-e2e/${uniqueName('versions')}`;
  for (const tag of ['1', 'latest']) {
    await docker('tag', 'wharf-fixture/httpd:1', `${repo}:${tag}`);
    strayImages.push(`${repo}:${tag}`);
  }
  strays.push('learn-ver-new', 'learn-ver-old');
  const kept = await makeBystanders();
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('versions');
  await learn.useImage(`${repo}:1`);
  await expect(learn.command('run-new')).toHaveText(
    `$ docker container run -d -p 6000:80 --name learn-ver-new ${repo}:latest`,
  );

  // 1. UI: the Run dialog, filled with the other tag on host port 6000.
  await learn.button('run-new', 'Open the Run dialog').click();
  await expect(learn.runDialog.name).toHaveValue('learn-ver-new');
  await expect(learn.runDialog.image).toHaveValue(`${repo}:latest`);
  await expect(learn.runDialog.hostPort(1)).toHaveValue('6000');
  await learn.runDialog.run();
  await learn.open();
  await learn.expectDone('run-new');

  // A wrong action: the same tag again on 6001 gets its hint, and the step stays to do.
  await docker('run', '-d', '-p', '6001:80', '--name', 'learn-ver-old', '--label', 'wharf.test=1', `${repo}:latest`);
  await expect(learn.hint('run-old')).toHaveText(
    `The container learn-ver-old runs ${repo}:latest, not ${repo}:1. Remove it and run it again from ${repo}:1.`,
  );
  await expect(learn.step('run-old')).toHaveAttribute('data-state', 'active');
  await docker('rm', '-f', 'learn-ver-old');
  await expect(learn.hint('run-old')).toHaveCount(0);

  // 2. CLI: the lesson's own tag on 6001; both run at once, each answering on its port.
  await docker('run', '-d', '-p', '6001:80', '--name', 'learn-ver-old', '--label', 'wharf.test=1', `${repo}:1`);
  await learn.expectDone('run-old');
  await learn.expectDone('side-by-side');
  const ls = await docker('ps', '--filter', 'name=^learn-ver-', '--format', '{{.Names}} {{.Image}}');
  expect(ls.split('\n').sort()).toEqual([`learn-ver-new ${repo}:latest`, `learn-ver-old ${repo}:1`]);

  // 3. UI: the lesson's clean-up removes its two containers, nothing else (the tags stay).
  await learn.button('cleanup', 'Clean up this lesson').click();
  await expect(learn.step('cleanup').getByTestId('learn-removed')).toHaveText(
    'Removed: container learn-ver-new, container learn-ver-old.',
  );
  await learn.expectDone('cleanup');
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept);
  expect(await docker('images', '-q', `${repo}:1`)).not.toBe('');
});

test('Inside: a wrong limit with the CLI gets its hint, --memory 64m in Wharf, clean up in Wharf', async ({ app }) => {
  test.setTimeout(120_000);
  strays.push('learn-limits');
  const kept = await makeBystanders();
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('inside');
  await learn.useImage('wharf-fixture/busybox:1');

  // A wrong action: the CLI runs it with 32 MiB; the inspect the lesson reads says so.
  await docker(
    'run',
    '-d',
    '--memory',
    '32m',
    '--name',
    'learn-limits',
    '--label',
    'wharf.test=1',
    'wharf-fixture/busybox:1',
    'sleep',
    '3600',
  );
  await expect(learn.hint('run-limited')).toHaveText(
    'learn-limits runs with a memory limit of 32 MiB, not 64 MiB. Remove it and run it again with --memory 64m.',
  );
  await expect(learn.step('run-limited')).toHaveAttribute('data-state', 'active');
  await docker('rm', '-f', 'learn-limits');
  await expect(learn.hint('run-limited')).toHaveCount(0);

  // 1. UI: the Run dialog, filled with --memory 64m; the engine holds 64 MiB.
  await learn.button('run-limited', 'Open the Run dialog').click();
  await expect(learn.runDialog.name).toHaveValue('learn-limits');
  await expect(learn.runDialog.cli).toContainText('--memory 64m');
  await learn.runDialog.run();
  await learn.open();
  await learn.expectDone('run-limited');
  await learn.expectDone('processes');
  await learn.expectDone('stats');
  expect(await docker('inspect', '--format', '{{.HostConfig.Memory}}', 'learn-limits')).toBe(String(64 * 1024 * 1024));

  // 2. CLI: the step's own command lists its processes.
  expect(await docker('container', 'top', 'learn-limits')).toContain('sleep 3600');

  // 3. UI: the clean-up removes it, nothing else.
  await learn.button('cleanup', 'Clean up this lesson').click();
  await expect(learn.step('cleanup').getByTestId('learn-removed')).toHaveText('Removed: container learn-limits.');
  await learn.expectDone('cleanup');
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept);
});

test('Interactive: without -it gets its hint, -it and stop with the CLI, clean up in Wharf', async ({ app }) => {
  test.setTimeout(120_000);
  strays.push('learn-shell');
  const kept = await makeBystanders();
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('interactive');
  await learn.useImage('wharf-fixture/busybox:1');
  await expect(learn.command('run-it')).toHaveText(
    '$ docker container run -it --name learn-shell wharf-fixture/busybox:1 sh',
  );

  // A wrong action: sh without -it has no input and ends at once.
  await docker('run', '--name', 'learn-shell', '--label', 'wharf.test=1', 'wharf-fixture/busybox:1', 'sh');
  await expect(learn.hint('run-it')).toContainText('learn-shell was started without -it');
  await docker('rm', '-f', 'learn-shell');
  await expect(learn.hint('run-it')).toHaveCount(0);

  // 1. CLI: -it (with -d here: the test has no terminal of its own); the inspect says Tty and OpenStdin.
  await docker('run', '-dit', '--name', 'learn-shell', '--label', 'wharf.test=1', 'wharf-fixture/busybox:1', 'sh');
  await learn.expectDone('run-it');
  await expect(learn.step('exit')).toHaveAttribute('data-state', 'active');

  // 2. CLI: the shell ends (as after typing exit); the container stops with it.
  await docker('stop', '-t', '1', 'learn-shell');
  await learn.expectDone('exit');

  // 3. UI: the clean-up removes it, nothing else.
  await learn.button('cleanup', 'Clean up this lesson').click();
  await learn.expectDone('cleanup');
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept);
});

test('Interactive in Wharf: -it from the step, typed into, exit ends it', async ({ app }) => {
  test.setTimeout(120_000);
  strays.push('learn-shell');
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('interactive');
  await learn.useImage('wharf-fixture/busybox:1');
  // The test before played this lesson through: start it over.
  await app.page.getByRole('button', { name: 'Start over', exact: true }).click();
  await expect(learn.step('run-it')).toHaveAttribute('data-state', 'active');

  // UI: the step's Run dialog comes with -it and sh; running it attaches a terminal to that shell.
  await learn.button('run-it', 'Open the Run dialog').click();
  await expect(learn.runDialog.dialog.getByRole('checkbox', { name: /^Interactive with a terminal/ })).toBeChecked();
  await expect(learn.runDialog.cli).toContainText('run -it --name learn-shell');
  await learn.runDialog.run();
  const panel = app.page.getByRole('region', { name: 'Details of learn-shell', exact: true });
  const shell = new ShellPanel(panel);
  await expect(shell.status).toHaveText('Connected: attached', { timeout: 15_000 });
  await shell.expectOutput(/\/ # $/);

  await expect(learn.runDialog.dialog).toHaveCount(0);

  // Typed into: the shell answers, and it is PID 1 of the container; exit ends it, and the container.
  await shell.run('echo hello from inside $$');
  await shell.expectOutput(/hello from inside 1\b/);
  await shell.run('exit');
  await expect(shell.status).toHaveText('The shell ended with exit status 0.', { timeout: 15_000 });
  await learn.open();
  await learn.expectDone('run-it');
  await learn.expectDone('exit');
  await learn.button('cleanup', 'Clean up this lesson').click();
  await learn.expectDone('cleanup');
});

test('Build: the offered Dockerfile built with the CLI, run in Wharf on 3000, image removed in Wharf', async ({
  app,
}) => {
  test.setTimeout(120_000);
  strays.push('learn-build-web');
  strayImages.push('learn/hello-web:1');
  const kept = await makeBystanders();
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('build');
  await learn.useImage('wharf-fixture/busybox:1');

  // 1. CLI: the step's own command, as shown (without its "$ " prompts), run by a real shell in a
  // fresh folder: it writes the Dockerfile and builds it with the lesson's tag.
  const shown = ((await learn.command('build').textContent()) ?? '').replace(/^\$ /gm, '');
  expect(shown).toContain('FROM wharf-fixture/busybox:1');
  const dir = mkdtempSync(join(tmpdir(), 'wharf-learn-build-'));
  try {
    await promisify(execFile)('sh', ['-ec', shown], { cwd: dir });
    expect(readFileSync(join(dir, 'learn-build', 'Dockerfile'), 'utf8')).toContain('EXPOSE 3000');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await learn.expectDone('build');

  // A wrong action: a container from the image without -p gets its hint.
  await docker('run', '-d', '--name', 'learn-build-web', '--label', 'wharf.test=1', 'learn/hello-web:1');
  await expect(learn.hint('run')).toContainText('port 3000 is not published');
  await docker('rm', '-f', 'learn-build-web');
  await expect(learn.hint('run')).toHaveCount(0);

  // 2. UI: the Run dialog with -p 3000:3000; the page is the one the Dockerfile wrote.
  await learn.button('run', 'Open the Run dialog').click();
  await expect(learn.runDialog.hostPort(1)).toHaveValue('3000');
  await learn.runDialog.run();
  await learn.open();
  await learn.expectDone('run');
  const page = await app.page.request.get('http://127.0.0.1:3000/');
  expect(await page.text()).toContain('Hello from my own image');

  // 3. CLI: remove the container; 4. UI: remove the image.
  await docker('container', 'rm', '-f', 'learn-build-web');
  await learn.expectDone('cleanup');
  await learn.button('remove-image', 'Remove them in Wharf').click();
  await learn.expectDone('remove-image');
  await expect(learn.finished).toBeVisible();
  await expectAsItWas(kept, 'learn/hello-web:1');
});

test('Build: the step’s button writes the Dockerfile and fills in the Build form; built in Wharf', async ({ app }) => {
  test.setTimeout(120_000);
  strayImages.push('learn/hello-web:1');
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('build');
  await learn.useImage('wharf-fixture/busybox:1');
  // The test before played this lesson through: start it over.
  await app.page.getByRole('button', { name: 'Start over', exact: true }).click();
  await expect(learn.step('build')).toHaveAttribute('data-state', 'active');

  // UI: the button writes the step's Dockerfile into Wharf's data folder and opens Build, filled in.
  await learn.button('build', 'Write the Dockerfile and open Build').click();
  const build = new BuildPage(app.page);
  await expect(build.heading).toBeVisible();
  await expect(build.folder).toHaveValue(/\/lessons\/learn-build$/);
  await expect(build.tags).toHaveValue('learn/hello-web:1');
  const folder = await build.folder.inputValue();
  expect(readFileSync(join(folder, 'Dockerfile'), 'utf8')).toBe(
    `FROM wharf-fixture/busybox:1\nWORKDIR /site\nRUN echo '<h1>Hello from my own image</h1>' > index.html\nEXPOSE 3000\nCMD ["httpd", "-f", "-p", "3000", "-h", "/site"]\n`,
  );
  await expect(build.cli).toContainText('-t learn/hello-web:1');
  await build.buildButton.click();
  await expect(build.state).toHaveText('Built', { timeout: 60_000 });

  // The check saw the tag arrive, by itself.
  await learn.open();
  await learn.expectDone('build');
  await docker('image', 'rm', 'learn/hello-web:1');
});

test('VM vs container: the reading steps turn green once the engine is known, and name it', async ({ app }) => {
  const learn = await new LearnPage(app.page).open();
  await learn.startLesson('vm');
  for (const id of ['kernel', 'why-vm', 'where']) await learn.expectDone(id);
  // Web mode here talks to this computer's own dockerd: the text says so, read from the targets list.
  await expect(learn.step('where')).toContainText("Wharf now uses this computer's own engine (local).");
  await expect(learn.finished).toBeVisible();
});
