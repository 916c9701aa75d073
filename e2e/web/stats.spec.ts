import { RunDialogPage } from '../pages/run-dialog';
import { StatsPanel } from '../pages/stats-panel';
import { docker, removeContainers, runFixture, uniqueName } from '../support/docker';
import { expect, test } from '../support/fixtures';

// Live resource use against the real engine: a --memory 64m container allocating 2 MB of shared
// memory every 0.3 s shows its limit and its usage rising in the list and in the Stats tab;
// docker top shows its process; docker update moves the limit line at once; limits the engine
// would refuse are refused on their field; and a container that exits ends its stream clearly.
const IMAGE = 'wharf-fixture/busybox:1';
const MiB = 1024 * 1024;
const ALLOC =
  'i=0; while [ $i -lt 20 ]; do dd if=/dev/zero of=/dev/shm/f$i bs=1M count=2 2>/dev/null; i=$((i+1)); sleep 0.3; done; exec sleep 600';

test.describe('live resource use', () => {
  const made: string[] = [];
  test.afterEach(async () => removeContainers(...made.splice(0)));

  test('a --memory 64m container shows its limit, its usage rising, its process, and docker update', async ({
    app,
  }) => {
    const name = uniqueName('e2e-stats');
    made.push(name);
    await runFixture(name, '--memory', '64m', IMAGE, 'sh', '-c', ALLOC);
    await app.containers.show(name);

    // The list's cell: used / 64 MiB, and the engine-wide total above the list.
    const cell = StatsPanel.cell(app.containers, name);
    await expect(cell).toContainText('/ 64 MiB', { timeout: 15_000 });
    await expect(app.page.getByTestId('stats-total')).toContainText('All running containers: CPU');

    const s = await StatsPanel.open(app.containers, name);
    await expect.poll(() => s.reading('memLimit'), { timeout: 15_000 }).toBe(64 * MiB);
    const first = await s.reading('memUsed');
    await expect.poll(() => s.reading('memUsed'), { timeout: 15_000 }).toBeGreaterThan(first + 6 * MiB);
    await expect(s.charts.locator('canvas')).toHaveCount(4);
    await expect(s.now).toContainText('of 64 MiB');

    // docker top: the process as the engine's host numbers it, with the namespaces note.
    await s.openProcesses();
    await expect(s.processes.getByRole('note')).toContainText('PID 1');
    await expect(s.processes.getByRole('table')).toContainText(/sleep|dd|sh -c/);
    await expect(s.processes.getByText(`$ docker top ${name}`)).toBeVisible();

    // docker update from the Stats tab: bad values stay on their field; a good one moves the line.
    await s.openStats();
    await expect(s.field('Memory')).toHaveValue('64m');
    await expect.poll(() => s.reading('samples'), { timeout: 10_000 }).toBeGreaterThan(0);
    await s.field('Memory').fill('4m');
    await expect(s.limits.getByRole('alert')).toContainText('at least 6 MB');
    await expect(s.apply).toBeDisabled();
    await s.field('Memory').fill('96m');
    await s.field('CPUs').fill('64');
    await expect(s.limits.getByRole('alert')).toContainText(/has only \d+ CPUs/);
    await s.field('CPUs').fill('');
    await expect(s.updateCli).toHaveText(`$ docker update --memory 96m ${name}`);
    await s.apply.click();
    // At once: the answer moves the line before the engine's next reading.
    await expect.poll(() => s.reading('memLimit'), { timeout: 300, intervals: [50] }).toBe(96 * MiB);
    await expect(s.limits.getByRole('status')).toHaveText('Limits updated.');
    expect(await docker('inspect', '-f', '{{.HostConfig.Memory}}', name)).toBe(String(96 * MiB));
    await expect(s.now).toContainText('of 96 MiB', { timeout: 5_000 });

    // The container exits while its stats stream: a clear end, not a chart left waiting.
    await docker('kill', name);
    await expect(s.ended.or(s.notRunning)).toBeVisible({ timeout: 10_000 });
    await expect(s.stats.getByRole('status').first()).toContainText(/stopped|not running/);
  });

  test('the run dialog sets limits with their flags, refuses 4m and 64 CPUs on their fields, runs with 64m', async ({
    app,
    page,
  }) => {
    const name = uniqueName('e2e-stats-run');
    made.push(name);
    await app.gotoImages();
    const d = new RunDialogPage(page);
    await d.openFromImage(IMAGE);
    await d.paste(`docker run -d --name ${name} -m 4m --cpus 0.5 ${IMAGE} sleep 600`);
    const memory = d.dialog.getByLabel(/^Memory --memory$/);
    await expect(memory).toHaveValue('4m');
    await expect(d.error('limits.memory')).toContainText('at least 6 MB');
    await d.runButton.click();
    await expect(d.dialog).toBeVisible();
    expect(await docker('ps', '-a', '--filter', `name=^${name}$`, '--format', '{{.Names}}')).toBe('');
    await memory.fill('64m');
    // More CPUs than the engine's host has: the engine's refusal lands on the CPUs field.
    const cpus = d.dialog.getByLabel(/^CPUs --cpus$/);
    await cpus.fill('64');
    await d.runButton.click();
    await expect(d.error('limits.cpus')).toContainText('CPUs available');
    expect(await docker('ps', '-a', '--filter', `name=^${name}$`, '--format', '{{.Names}}')).toBe('');
    await cpus.fill('0.5');
    await d.dialog.getByLabel(/^Process limit --pids-limit$/).fill('50');
    await expect(d.cli).toHaveText(
      `$ docker container run -d --name ${name} --memory 64m --cpus 0.5 --pids-limit 50 ${IMAGE} sleep 600`,
    );
    await d.run();
    await app.containers.expectState(name, 'running');
    expect(
      await docker('inspect', '-f', '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}', name),
    ).toBe(`${64 * MiB} 500000000 50`);
  });
});
