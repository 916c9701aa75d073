import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogsPanel } from '../pages/logs-panel';
import { WharfApp } from '../pages/wharf-app';
import { removeContainers, runFixture, uniqueName } from '../support/docker';
import { expect, test } from '../support/fixtures';
import { sshdChildren, sshEngine, sshWharfOptions } from '../support/sshd';
import { startWharfWeb } from '../support/wharf-web';

// What only an SSH engine has: the host key (pinned on first use, a change refused) and a link
// that can drop (killing the sshd child that serves it) and must be survived.
const IMAGE = 'wharf-fixture/busybox:1';
function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
}

function fetchText(port: number): Promise<string> {
  return new Promise((ok) => {
    const req = request({ host: '127.0.0.1', port, path: '/index.html', agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (b: Buffer) => (body += b.toString()));
      res.on('end', () => ok(body));
    });
    req.on('error', (e) => ok(`error: ${e.message}`));
    req.end();
  });
}

const hostFingerprint = (): string =>
  /SHA256:\S+/.exec(execFileSync('ssh-keygen', ['-lf', sshEngine().hostKeyPub], { encoding: 'utf8' }))?.[0] ?? '';

test('first connection pins the host key and shows its fingerprint', async ({ page }) => {
  const opts = sshWharfOptions({ pinned: false });
  const w = await startWharfWeb(opts);
  try {
    const app = new WharfApp(page);
    await app.open(w.url);
    const fp = hostFingerprint();
    await expect(page.getByTestId('host-key-pinned')).toContainText(fp);
    await expect(page.getByTestId('engine-host-key')).toContainText(fp);
    const pinned = readFileSync(join(opts.env.WHARF_DATA_DIR ?? '', 'ssh/known_hosts'), 'utf8');
    expect(pinned).toContain(readFileSync(sshEngine().hostKeyPub, 'utf8').split(' ')[1]);
  } finally {
    await w.stop();
  }
});

test('a changed host key is refused with a clear message, and the pinned key stays', async ({ page }) => {
  // Another ed25519 key pinned for this host: what a reinstall or a man in the middle looks like.
  const wrong = readFileSync(`${sshEngine().identity}.pub`, 'utf8');
  const opts = sshWharfOptions({ key: wrong });
  const w = await startWharfWeb(opts);
  try {
    const app = new WharfApp(page);
    await app.open(w.url, { waitForEngine: false });
    const banner = page.getByRole('region', { name: 'Engine not reachable' });
    await expect(banner.getByRole('alert')).toHaveAttribute('data-code', 'SSH_HOST_KEY_CHANGED');
    await expect(banner).toContainText('has changed. Wharf refused to connect.');
    await expect(banner).toContainText(hostFingerprint());
    await expect(app.engineState).toHaveAttribute('data-state', 'unreachable');
    const known = readFileSync(join(opts.env.WHARF_DATA_DIR ?? '', 'ssh/known_hosts'), 'utf8');
    expect(known).toContain(wrong.split(' ')[1]);
    expect(known.trim().split('\n')).toHaveLength(1);
  } finally {
    await w.stop();
  }
});

test('killing the sshd child serving Wharf is survived: degraded, back, the followed log goes on without duplicates, the port forward works', async ({
  page,
}) => {
  const w = await startWharfWeb(sshWharfOptions());
  const name = uniqueName('e2e-ssh-drop');
  const web = uniqueName('e2e-ssh-fwd');
  const port = await freePort();
  try {
    await runFixture(name, IMAGE, 'sh', '-c', 'i=0; while true; do i=$((i+1)); echo line$i; sleep 0.05; done');
    // The sshd runs on this machine: the engine publishes on 127.0.0.2 and Wharf forwards 127.0.0.1:P to it.
    await runFixture(
      web,
      '-p',
      `127.0.0.2:${port}:80`,
      IMAGE,
      'sh',
      '-c',
      'mkdir -p /www && echo via-ssh > /www/index.html && exec httpd -f -p 80 -h /www',
    );
    const app = new WharfApp(page);
    await app.open(w.url);
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid=engine-state]') as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { engineStates: string[] }).engineStates = seen;
      new MutationObserver(() => seen.push(el.dataset.state ?? '')).observe(el, {
        attributes: true,
        attributeFilter: ['data-state'],
      });
    });
    await app.containers.show(web);
    await app.containers.expectState(web, 'running');
    await expect.poll(() => fetchText(port)).toBe('via-ssh\n');
    const logs = await LogsPanel.open(app.containers, name);
    await logs.expectText(/^line20$/m);
    const children = sshdChildren();
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(pid, 'SIGKILL');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { engineStates: string[] }).engineStates))
      .toContain('degraded');
    await expect(app.engineState).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
    expect(await fetchText(port)).toBe('via-ssh\n');
    const before = (await logs.terminal.lines()).length;
    await expect
      .poll(async () => (await logs.terminal.lines()).length, { timeout: 15_000 })
      .toBeGreaterThan(before + 30);
    const numbers = (await logs.terminal.lines()).filter((l) => l.startsWith('line')).map((l) => Number(l.slice(4)));
    expect(numbers.length).toBeGreaterThan(50);
    // Every line once, in order: nothing repeated after the resume, nothing lost.
    numbers.forEach((n, i) => i > 0 && expect(n, `line after line${numbers[i - 1]}`).toBe((numbers[i - 1] ?? 0) + 1));
  } finally {
    await removeContainers(name, web);
    await w.stop();
  }
});
