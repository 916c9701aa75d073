import net from 'node:net';
import { docker, removeContainers, runFixture, uniqueName } from '../support/docker';
import { expect, test } from '../support/fixtures';
import { RunDialogPage } from '../pages/run-dialog';
import { ShellPanel } from '../pages/shell-panel';
import { readRegistryState } from '../../scripts/setup/registry-state';

// The run dialog against the real engine: containers it runs answer on the host, conflicts are
// caught before Run, and a pasted `docker run` fills the form. Host ports 5000-5010 only.
const HTTPD = 'wharf-fixture/httpd:1';

async function get(port: number): Promise<string> {
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      return await r.text();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

test.describe('run dialog', () => {
  const made: string[] = [];
  // Ends in a word: "Run another" counts up a trailing number (web -> web-2 -> web-3).
  const named = (p: string): string => {
    const n = `${uniqueName(p)}-web`;
    made.push(n, `${n}-2`, `${n}-3`);
    return n;
  };
  const servers: net.Server[] = [];
  test.afterEach(async () => {
    await removeContainers(...made.splice(0));
    for (const s of servers.splice(0)) s.close();
  });

  test('runs the httpd fixture on 5000, then 5001 and 5002 with "Run another"; all three answer', async ({
    app,
    page,
  }) => {
    const name = named('e2e-run');
    await app.gotoImages();
    const d = new RunDialogPage(page);
    await d.openFromImage(HTTPD);
    // Pre-filled from the image's ExposedPorts.
    await expect(d.containerPort(1)).toHaveValue('80');
    await d.name.fill(name);
    await d.hostPort(1).fill('5000');
    await expect(d.cli).toHaveText(`$ docker container run -d --name ${name} -p 127.0.0.1:5000:80 ${HTTPD}`);
    await d.run();

    // Selected in the containers view, with its port as a link.
    await expect(app.containers.heading).toBeVisible();
    await expect(page.getByRole('region', { name: `Details of ${name}`, exact: true })).toBeVisible();
    await app.containers.expectState(name, 'running');
    await expect(app.containers.portLink(name, 5000)).toBeVisible();
    expect(await get(5000)).toContain('wharf fixture');

    let from = name;
    for (const [suffix, port] of [
      ['-2', 5001],
      ['-3', 5002],
    ] as const) {
      await page
        .getByRole('region', { name: `Details of ${from}`, exact: true })
        .getByRole('button', { name: 'Run another' })
        .click();
      await expect(d.dialog).toBeVisible();
      await expect(d.name).toHaveValue(`${name}${suffix}`);
      await expect(d.hostPort(1)).toHaveValue(String(port));
      await d.run();
      from = `${name}${suffix}`;
      await app.containers.expectState(from, 'running');
      await expect(app.containers.portLink(from, port)).toBeVisible();
    }
    for (const port of [5000, 5001, 5002]) expect(await get(port)).toContain('wharf fixture');
  });

  test('a taken host port is caught before Run, naming the container or the program', async ({ app, page }) => {
    const holder = named('e2e-holder');
    await runFixture(holder, '-p', '127.0.0.1:5003:80', HTTPD);
    const server = net.createServer().listen(5004, '127.0.0.1');
    servers.push(server);
    await new Promise((r) => server.once('listening', r));
    const name = named('e2e-taken');
    const since = String(Math.floor(Date.now() / 1000) - 1);
    await app.gotoImages();
    const d = new RunDialogPage(page);
    await d.openFromImage(HTTPD);
    await d.waitPortCheck();
    // Read without a helper container (issue 14.5): works whatever images the engine has.
    const until = String(Math.ceil(Date.now() / 1000) + 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await docker('events', '--since', since, '--until', until, '--filter', 'label=wharf.probe')).toBe('');
    await d.name.fill(name);
    await d.hostPort(1).fill('5003');
    await expect(d.error('ports.0.hostPort')).toHaveText(`Port 5003 is used by container ${holder}.`);
    await d.hostPort(1).fill('5004');
    await expect(d.error('ports.0.hostPort')).toHaveText("Port 5004 is used by a program on the engine's host.");
    await d.runButton.click();
    await expect(d.dialog).toBeVisible();
    expect(await docker('ps', '-aq', '--filter', `name=${name}`)).toBe('');
    // "Pick a free port" moves past both.
    await d.hostPort(1).fill('5003');
    await d.dialog.getByRole('button', { name: 'Pick a free port for row 1' }).click();
    await expect(d.hostPort(1)).toHaveValue('5005');
    await expect(d.error('ports.0.hostPort')).toHaveCount(0);
  });

  test('a name conflict and bad port values are caught inline', async ({ app, page }) => {
    const taken = named('e2e-named');
    await runFixture(taken, 'wharf-fixture/busybox:1', 'sleep', '600');
    await app.gotoImages();
    const d = new RunDialogPage(page);
    await d.openFromImage(HTTPD);
    await d.name.fill(taken);
    await expect(d.error('name')).toHaveText(`The name "${taken}" is already used by another container.`);
    await d.name.fill('-bad');
    await expect(d.error('name')).toContainText('starts with a letter or digit');
    for (const [value, text] of [
      ['0', 'between 1 and 65535'],
      ['70000', 'between 1 and 65535'],
      ['abc', 'a number such as 8080'],
    ] as const) {
      await d.hostPort(1).fill(value);
      await expect(d.error('ports.0.hostPort')).toContainText(text);
    }
    await d.hostPort(1).fill('5006');
    await d.dialog.getByRole('button', { name: 'Add port' }).click();
    await d.containerPort(2).fill('81');
    await d.hostPort(2).fill('5006');
    await expect(d.error('ports.1.hostPort')).toHaveText('Port 5006 is already in row 1.');
    await d.runButton.click();
    await expect(d.dialog).toBeVisible();
  });

  test("the engine's refusal is shown next to the field it concerns, and nothing is left behind", async ({
    app,
    page,
  }) => {
    const name = named('e2e-bind');
    await app.gotoImages();
    const d = new RunDialogPage(page);
    await d.openFromImage(HTTPD);
    await d.paste(`docker run -d --name ${name} -v /nonexistent/wharf-e2e:/www:ro ${HTTPD}`);
    await d.runButton.click();
    await expect(d.error('volumes.0.source')).toContainText(
      "The folder /nonexistent/wharf-e2e does not exist on the engine's host.",
    );
    await expect(d.dialog).toBeVisible();
    expect(await docker('ps', '-aq', '--filter', `name=${name}`)).toBe('');
  });

  test('pasting a docker run command fills the form', async ({ app, page }) => {
    await app.gotoImages();
    const d = new RunDialogPage(page);
    await d.openFromImage(HTTPD);
    await d.paste('docker run -d -p 6000:6379 --name cache redis:4.0');
    await expect(d.image).toHaveValue('redis:4.0');
    await expect(d.name).toHaveValue('cache');
    await expect(d.hostPort(1)).toHaveValue('6000');
    await expect(d.containerPort(1)).toHaveValue('6379');
    await expect(d.detached()).toBeChecked();
    await expect(d.cli).toHaveText('$ docker container run -d --name cache -p 127.0.0.1:6000:6379 redis:4.0');
    // Unknown flags are reported, not dropped silently.
    await d.paste(`docker run -it --rm --privileged -e "GREETING=hello world" -v data:/data:ro busybox sh`);
    await expect(d.parseProblems()).toHaveText([
      '--privileged: this dialog cannot set this option, so it was left out.',
    ]);
    await expect(d.cli).toHaveText(
      `$ docker container run -it -e 'GREETING=hello world' -v data:/data:ro --rm busybox sh`,
    );
  });

  test('an image that is not on the engine is pulled first, with its progress, then run', async ({ app, page }) => {
    const name = named('e2e-pullfirst');
    const image = `${readRegistryState().WHARF_REGISTRY}/wharf/httpd:1`;
    await docker('rmi', image).catch(() => '');
    await app.gotoImages();
    const d = new RunDialogPage(page);
    await d.openFromImage(HTTPD);
    await d.paste(`docker run -d --name ${name} ${image}`);
    await expect(d.dialog.getByText(/is not on this engine yet/)).toBeVisible();
    await d.run();
    // The pull it made is listed with the others, finished; the container runs the pulled image.
    await expect(page.locator(`article[aria-label="${image}"][data-state="done"]`)).toBeVisible();
    await app.containers.expectState(name, 'running');
    expect(await docker('inspect', '--format', '{{.Config.Image}}', name)).toBe(image);
  });

  test('-it starts the container with a TTY and opens its terminal, where a typed command runs', async ({
    app,
    page,
  }) => {
    const name = named('e2e-it');
    await app.gotoImages();
    const d = new RunDialogPage(page);
    await d.openFromImage('wharf-fixture/busybox:1');
    await d.paste(`docker run -it --name ${name} wharf-fixture/busybox:1 sh`);
    await expect(d.cli).toHaveText(`$ docker container run -it --name ${name} wharf-fixture/busybox:1 sh`);
    await d.run();
    const panel = page.getByRole('region', { name: `Details of ${name}`, exact: true });
    const shell = new ShellPanel(panel);
    await expect(shell.tab).toBeVisible();
    await shell.expectConnected();
    await shell.run('echo wharf-$((6*7))');
    await shell.expectOutput(/wharf-42/);
    const tty = await docker('inspect', '-f', '{{.Config.Tty}} {{.Config.OpenStdin}} {{.State.Running}}', name);
    expect(tty).toBe('true true true');
  });
});
