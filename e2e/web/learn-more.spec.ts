// The later lessons played through in Chromium against the real engine (learn.spec.ts has the first
// ones and says how): compose, two versions, inside, interactive (also typed into in Wharf's
// terminal), build (also from the step's button through the Build view) and the VM.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BuildPage } from '../pages/build-page';
import { ShellPanel } from '../pages/shell-panel';
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

test('Compose: the step’s own commands up and down with the real docker-compose', async ({ app }) => {
  test.setTimeout(120_000);
  leftovers.containers.push('learn-compose-web', 'learn-compose-db');
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
    leftovers.images.push(`${repo}:${tag}`);
  }
  leftovers.containers.push('learn-ver-new', 'learn-ver-old');
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
  leftovers.containers.push('learn-limits');
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
  leftovers.containers.push('learn-shell');
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
  leftovers.containers.push('learn-shell');
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
  leftovers.containers.push('learn-build-web');
  leftovers.images.push('learn/hello-web:1');
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
  leftovers.images.push('learn/hello-web:1');
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
