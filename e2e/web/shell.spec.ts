import { ShellPanel } from '../pages/shell-panel';
import { docker, runFixture, trackedNames } from '../support/docker';
import { expect, test } from '../support/fixtures';

// The Shell tab against the real engine: exec -it with sh (busybox has no bash), exit status,
// resize reaching `stty size`, a stopped container's message, and attach to an -it container.
const IMAGE = 'wharf-fixture/busybox:1';

test.describe('container shell', () => {
  const { named, cleanup } = trackedNames();
  test.afterEach(cleanup);

  test('runs echo, then exit 3 shows the exit status', async ({ app }) => {
    const name = named('e2e-shell');
    await runFixture(name, IMAGE, 'sleep', '1000');
    const shell = await ShellPanel.open(app.containers, name);
    await shell.expectConnected();
    await expect(shell.cli).toHaveText(`$ docker exec -it ${name} sh`);
    await shell.run('echo "hello from $((6*7))"');
    await shell.expectOutput(/hello from 42/);
    await shell.run('exit 3');
    await expect(shell.status).toHaveText('The shell ended with exit status 3.');
  });

  test('resizing the panel changes stty size inside the container', async ({ app, page }) => {
    const name = named('e2e-resize');
    await runFixture(name, IMAGE, 'sleep', '1000');
    const shell = await ShellPanel.open(app.containers, name);
    await shell.expectConnected();
    await shell.run('stty size');
    await shell.expectOutput(/^\d+ \d+$/m);
    const before = ((await shell.terminal.text()).match(/^(\d+ \d+)$/m) ?? [])[1];
    await page.setViewportSize({ width: 1600, height: 1000 });
    await shell.run('clear; stty size');
    await expect.poll(async () => ((await shell.terminal.text()).match(/^(\d+ \d+)$/m) ?? [])[1]).not.toBe(before);
  });

  test('runs the command and user picked', async ({ app }) => {
    const name = named('e2e-shelluser');
    await runFixture(name, IMAGE, 'sleep', '1000');
    const shell = await ShellPanel.open(app.containers, name);
    await shell.expectConnected();
    await shell.command.fill('sh');
    await shell.user.fill('nobody');
    await expect(shell.cli).toHaveText(`$ docker exec -it -u nobody ${name} sh`);
    await shell.openButton.click();
    await shell.expectConnected();
    await shell.run('id -u');
    await shell.expectOutput(/^65534$/m);
  });

  test('keeps a quoted argument in one piece, and says when a quote is left open', async ({ app }) => {
    const name = named('e2e-shellquote');
    await runFixture(name, IMAGE, 'sleep', '1000');
    const shell = await ShellPanel.open(app.containers, name);
    await shell.expectConnected();
    await shell.command.fill('sh -c "echo quoted-$((3*4)); exec sh"');
    await expect(shell.commandError).toBeHidden();
    await shell.openButton.click();
    await shell.expectConnected();
    await shell.expectOutput(/quoted-12/);
    await shell.command.fill('sh -c "echo open');
    await expect(shell.commandError).toHaveText(/quote in the command is not closed/);
    await expect(shell.openButton).toBeDisabled();
  });

  test('a stopped container gets a clear message instead of a shell', async ({ app }) => {
    const name = named('e2e-shellstopped');
    await runFixture(name, IMAGE, 'true');
    await docker('wait', name);
    const shell = await ShellPanel.open(app.containers, name);
    // From the row's state (status line) or from the engine's answer (alert): either way, clear.
    await expect(shell.tab).toContainText(/is not running/);
    await expect(shell.status).not.toHaveAttribute('data-state', 'open');
  });

  test('attaches to a container started with -it', async ({ app }) => {
    const name = named('e2e-attach');
    await runFixture(name, '-it', IMAGE, 'sh');
    const shell = await ShellPanel.open(app.containers, name);
    await shell.expectConnected();
    await shell.mode.selectOption('attach');
    await expect(shell.cli).toHaveText(`$ docker attach ${name}`);
    await shell.openButton.click();
    await shell.expectConnected();
    await shell.run('echo attached-$((2+3))');
    await shell.expectOutput(/attached-5/);
  });
});
