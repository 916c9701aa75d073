import { readFile } from 'node:fs/promises';
import { LogsPanel } from '../pages/logs-panel';
import { docker, removeContainers, runFixture, uniqueName } from '../support/docker';
import { expect, test } from '../support/fixtures';

// The Logs tab against the real engine: lines in order, stderr marked, ANSI interpreted, search,
// follow (also across a restart), the log driver `none`, and the full-log download.
const IMAGE = 'wharf-fixture/busybox:1';

test.describe('container logs', () => {
  const made: string[] = [];
  const named = (p: string): string => {
    const n = uniqueName(p);
    made.push(n);
    return n;
  };
  test.afterEach(async () => removeContainers(...made.splice(0)));

  test('shows stdout and stderr in order, stderr marked, ANSI colours applied, with the docker command', async ({
    app,
  }) => {
    const name = named('e2e-logs');
    const script =
      'echo "out one"; sleep 0.1; echo "err two" >&2; sleep 0.1; printf "\\033[32mgreen three\\033[0m\\n"; sleep 0.1; echo "out four"; sleep 1000';
    await runFixture(name, IMAGE, 'sh', '-c', script);
    const logs = await LogsPanel.open(app.containers, name);
    await logs.expectText('out four');
    expect(await logs.terminal.lines()).toEqual(['out one', '\u258cerr two', 'green three', 'out four']);
    await expect(logs.cli).toHaveText(`$ docker logs -f --tail 1000 ${name}`);
    await expect(logs.status).toContainText('Following');
    // The details panel widens for a terminal (min(62vw, 980px)) as far as the list beside it keeps
    // 460 px for its row actions (container-columns.css), and is narrow again for the summary.
    const width = async (): Promise<number> => (await logs.panel.boundingBox())?.width ?? 0;
    const viewport = app.page.viewportSize()?.width ?? 0;
    const view = (await app.page.locator('.view').boundingBox())?.width ?? 0;
    await expect.poll(width).toBeGreaterThan(Math.min(0.6 * viewport, 900, view - 470));
    await logs.panel.getByRole('tab', { name: 'Summary' }).click();
    await expect.poll(width).toBeLessThan(500);
  });

  test('search finds a line and counts matches; Ctrl+F goes to the search box', async ({ app }) => {
    const name = named('e2e-logsearch');
    await runFixture(
      name,
      IMAGE,
      'sh',
      '-c',
      'for i in 1 2 3 4 5; do echo "row $i"; done; echo "needle here"; echo "another needle"; sleep 1000',
    );
    const logs = await LogsPanel.open(app.containers, name);
    await logs.expectText('another needle');
    await logs.panel.getByTestId('log-terminal').click();
    await app.page.keyboard.press('Control+f');
    await expect(logs.search).toBeFocused();
    await app.page.keyboard.type('needle');
    await expect(logs.searchCount).toHaveText(/of 2$/);
    await logs.search.fill('row 4');
    await expect(logs.searchCount).toHaveText('1 of 1');
    await logs.search.fill('absent-text');
    await expect(logs.searchCount).toHaveText('No matches');
  });

  test('follow shows new lines, and keeps following when the container restarts', async ({ app }) => {
    const name = named('e2e-logfollow');
    const script = 'n=$(cat /tmp/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /tmp/n; echo boot$n; sleep 1000';
    await runFixture(name, IMAGE, 'sh', '-c', script);
    const logs = await LogsPanel.open(app.containers, name);
    await logs.expectText('boot1');
    await docker('exec', name, 'sh', '-c', 'echo written-later > /proc/1/fd/1');
    await logs.expectText('written-later');
    await docker('stop', '-t', '0', name);
    await expect(logs.status).toContainText('Waiting for it to start again');
    await docker('start', name);
    await logs.expectText('boot2');
    await expect(logs.status).toContainText('Following');
    expect(await logs.terminal.lines()).toEqual(['boot1', 'written-later', 'boot2']);
  });

  test('timestamps on shows each line with its time; tail limits the lines', async ({ app }) => {
    const name = named('e2e-logtail');
    await runFixture(
      name,
      IMAGE,
      'sh',
      '-c',
      'i=0; while [ $i -lt 1500 ]; do echo "n$i"; i=$((i+1)); done; sleep 1000',
    );
    const logs = await LogsPanel.open(app.containers, name);
    await logs.expectText('n1499');
    await expect.poll(async () => (await logs.terminal.lines()).length).toBe(1000);
    await logs.timestamps.check();
    await logs.expectText(/^\d{4}-\d\d-\d\dT[\d:.]+Z n1499$/m);
    await expect(logs.cli).toHaveText(`$ docker logs -f --tail 1000 --timestamps ${name}`);
    await logs.tail.selectOption({ label: 'all lines' });
    await expect.poll(async () => (await logs.terminal.lines()).length).toBe(1500);
  });

  test('all lines of a log longer than the view: the last 25,000 shown, the earlier ones counted and left to the download', async ({
    app,
  }) => {
    const name = named('e2e-loglong');
    await runFixture(name, IMAGE, 'sh', '-c', `awk 'BEGIN{for(i=1;i<=30000;i++) printf "row %05d\\n", i}'; sleep 1000`);
    const logs = await LogsPanel.open(app.containers, name);
    await logs.expectText('row 30000');
    await expect(logs.panel.getByTestId('log-earlier')).toHaveCount(0);
    await logs.tail.selectOption({ label: 'all lines' });
    await expect(logs.panel.getByTestId('log-earlier')).toHaveText(
      '5,000 earlier lines are not shown: this view keeps the last 25,000. Download the full log to read them.',
    );
    await expect.poll(async () => (await logs.terminal.lines()).length, { timeout: 30_000 }).toBe(25_000);
    const lines = await logs.terminal.lines();
    // The last line, and the one 24,999 lines before it: the first kept (row 05000 is only in the download).
    expect(lines.at(-1)).toBe('row 30000');
    expect(lines[0]).toBe('row 05001');
    expect(lines).not.toContain('row 05000');
  });

  test('a container whose log driver is none gives a clear message', async ({ app }) => {
    const name = named('e2e-lognone');
    await runFixture(name, '--log-driver', 'none', IMAGE, 'sleep', '1000');
    const logs = await LogsPanel.open(app.containers, name);
    await expect(logs.panel.getByRole('alert')).toContainText('its log driver is "none"');
  });

  test('downloads the full log as a file', async ({ app }) => {
    const name = named('e2e-logdl');
    await runFixture(name, IMAGE, 'sh', '-c', 'echo alpha; echo beta >&2; sleep 0.1; echo gamma; sleep 1000');
    const logs = await LogsPanel.open(app.containers, name);
    await logs.expectText('gamma');
    const [download] = await Promise.all([app.page.waitForEvent('download'), logs.button('Download full log').click()]);
    expect(download.suggestedFilename()).toBe(`${name}.log`);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    expect(text.split('\n').sort()).toEqual(['', 'alpha', 'beta', 'gamma']);
  });
});
