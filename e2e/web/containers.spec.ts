import { docker, runFixture, trackedNames, uniqueName } from '../support/docker';
import { expect, test } from '../support/fixtures';

// The containers view against the real engine: what the CLI does shows up live, and every click
// changes the engine's real state (checked with `docker inspect`, not with the UI).
// PID 1 ignores SIGTERM unless it handles it: this one stops at once instead of after 10 s.
const SLEEPER = ['wharf-fixture/busybox:1', 'sh', '-c', 'trap "exit 0" TERM; sleep 600 & wait'];
const engineState = (name: string): Promise<string> => docker('inspect', '--format', '{{.State.Status}}', name);

test.describe('containers view', () => {
  const { named, cleanup } = trackedNames();
  test.afterEach(cleanup);

  test('a container started with the docker CLI appears live, with its port as a link', async ({ app }) => {
    const name = named('e2e-live');
    await runFixture(name, '-p', '127.0.0.1::80', 'wharf-fixture/httpd:1');
    const hostPort = Number((await docker('port', name, '80/tcp')).split(':').pop());
    await app.containers.expectState(name, 'running');
    await expect(app.containers.row(name)).toContainText('wharf-fixture/httpd:1');
    await expect(app.containers.portLink(name, hostPort)).toHaveAttribute('href', `http://localhost:${hostPort}`);
    await expect(app.containers.status(name)).toContainText(/^Up /);
  });

  test('stop, start, pause, resume and restart by click change the engine state', async ({ app }) => {
    const name = named('e2e-actions');
    await runFixture(name, ...SLEEPER);
    const c = app.containers;
    await c.show(name);
    await c.expectState(name, 'running');

    await c.action(name, 'Pause').click();
    await c.expectState(name, 'paused');
    expect(await engineState(name)).toBe('paused');

    await c.action(name, 'Resume').click();
    await c.expectState(name, 'running');
    expect(await engineState(name)).toBe('running');

    await c.action(name, 'Stop').hover();
    await expect(app.cliCommand).toHaveText(`$ docker container stop ${name}`);
    await c.action(name, 'Stop').click();
    await c.expectState(name, 'exited', 30_000);
    expect(await engineState(name)).toBe('exited');
    await expect(c.status(name)).toContainText(/^Exited \(\d+\)/);

    await c.action(name, 'Start').click();
    await c.expectState(name, 'running');
    expect(await engineState(name)).toBe('running');

    const startedBefore = await docker('inspect', '--format', '{{.State.StartedAt}}', name);
    await c.action(name, 'Restart').click();
    await expect
      .poll(() => docker('inspect', '--format', '{{.State.StartedAt}}', name), { timeout: 30_000 })
      .not.toBe(startedBefore);
    await c.expectState(name, 'running');
  });

  test('remove asks first, force removes a running container, and the row goes away', async ({ app }) => {
    const name = named('e2e-remove');
    await runFixture(name, 'wharf-fixture/busybox:1', 'sleep', '600');
    const c = app.containers;
    await c.show(name);
    await c.expectState(name, 'running');
    await c.action(name, 'Remove').click();
    await expect(c.dialog).toContainText(name);
    // A running container is removed with force by default, as Docker Desktop does; the command says so.
    await expect(c.dialog.getByTestId('dialog-cli')).toHaveText(`$ docker container rm -f ${name}`);
    await c.dialog.getByRole('checkbox', { name: /Force/ }).uncheck();
    await expect(c.dialog.getByTestId('dialog-cli')).toHaveText(`$ docker container rm ${name}`);
    await c.dialog.getByRole('checkbox', { name: /Force/ }).check();
    await c.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(c.dialog).toBeHidden();
    expect(await engineState(name)).toBe('running');

    await c.remove(name, { force: true });
    await expect(c.row(name)).toHaveCount(0);
    await expect(docker('inspect', name)).rejects.toThrow(/No such/);
  });

  test('removing a running container without force explains why it failed', async ({ app }) => {
    const name = named('e2e-running');
    await runFixture(name, 'wharf-fixture/busybox:1', 'sleep', '600');
    const c = app.containers;
    await c.show(name);
    await c.expectState(name, 'running');
    await c.remove(name, { force: false });
    await expect(app.page.getByRole('alert')).toContainText(`Container ${name} is running`);
    expect(await engineState(name)).toBe('running');
  });

  test('bulk select stops several containers', async ({ app }) => {
    const a = named('e2e-bulk-a');
    const b = named('e2e-bulk-b');
    await Promise.all([a, b].map((n) => runFixture(n, ...SLEEPER)));
    const c = app.containers;
    await c.show('e2e-bulk-');
    await c.expectState(a, 'running');
    await c.expectState(b, 'running');
    await c.select(a).check();
    await c.select(b).check();
    await app.page.getByRole('button', { name: 'Stop selected' }).click();
    await c.expectState(a, 'exited', 30_000);
    await c.expectState(b, 'exited', 30_000);
    expect(await engineState(a)).toBe('exited');
  });

  test('compose projects are grouped; search and the running filter narrow the list', async ({ app }) => {
    const project = uniqueName('proj');
    const web = named('e2e-compose-web');
    const idle = named('e2e-idle');
    await runFixture(
      web,
      '--label',
      `com.docker.compose.project=${project}`,
      '--label',
      'com.docker.compose.service=web',
      'wharf-fixture/busybox:1',
      'sleep',
      '600',
    );
    await docker('create', '--name', idle, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1');
    const c = app.containers;
    await c.expectState(web, 'running');
    await c.expectState(idle, 'created');
    await expect(app.page.getByTestId('compose-group').filter({ hasText: project })).toBeVisible();

    await c.search.fill('e2e-compose-web');
    await expect(c.row(web)).toBeVisible();
    await expect(c.row(idle)).toHaveCount(0);
    await c.search.fill('');
    await c.onlyRunning.check();
    await expect(c.row(idle)).toHaveCount(0);
    await expect(c.row(web)).toBeVisible();
  });

  test('the inspect panel shows a summary and the raw JSON', async ({ app }) => {
    const name = named('e2e-inspect');
    await runFixture(name, '-e', 'GREETING=hello', 'wharf-fixture/busybox:1', 'sleep', '600');
    await app.containers.expectState(name, 'running');
    const panel = await app.containers.openDetails(name);
    await expect(panel).toContainText('GREETING=hello');
    await panel.getByRole('tab', { name: 'Raw JSON' }).click();
    const raw = JSON.parse((await panel.getByTestId('inspect-raw').textContent()) ?? '{}') as { Name?: string };
    expect(raw.Name).toBe(`/${name}`);
  });
});
