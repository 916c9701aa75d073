import { execFileSync } from 'node:child_process';
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
const hostFingerprint = (): string => /SHA256:\S+/.exec(execFileSync('ssh-keygen', ['-lf', sshEngine().hostKeyPub], { encoding: 'utf8' }))?.[0] ?? '';

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

test('killing the sshd child serving Wharf is survived: degraded, back, the followed log goes on without duplicates', async ({ page }) => {
  const w = await startWharfWeb(sshWharfOptions());
  const name = uniqueName('e2e-ssh-drop');
  try {
    await runFixture(name, IMAGE, 'sh', '-c', 'i=0; while true; do i=$((i+1)); echo line$i; sleep 0.05; done');
    const app = new WharfApp(page);
    await app.open(w.url);
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid=engine-state]') as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { engineStates: string[] }).engineStates = seen;
      new MutationObserver(() => seen.push(el.dataset.state ?? '')).observe(el, { attributes: true, attributeFilter: ['data-state'] });
    });
    const logs = await LogsPanel.open(app.containers, name);
    await logs.expectText(/^line20$/m);
    const children = sshdChildren();
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(pid, 'SIGKILL');
    await expect.poll(() => page.evaluate(() => (window as unknown as { engineStates: string[] }).engineStates)).toContain('degraded');
    await expect(app.engineState).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
    const before = (await logs.terminal.lines()).length;
    await expect.poll(async () => (await logs.terminal.lines()).length, { timeout: 15_000 }).toBeGreaterThan(before + 30);
    const numbers = (await logs.terminal.lines()).filter((l) => l.startsWith('line')).map((l) => Number(l.slice(4)));
    expect(numbers.length).toBeGreaterThan(50);
    // Every line once, in order: nothing repeated after the resume, nothing lost.
    numbers.forEach((n, i) => i > 0 && expect(n, `line after line${numbers[i - 1]}`).toBe((numbers[i - 1] ?? 0) + 1));
  } finally {
    await removeContainers(name);
    await w.stop();
  }
});
