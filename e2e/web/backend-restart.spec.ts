// The web-mode backend dies (SIGKILL) while a pull runs, and a new one starts on the same port and
// token: the page says the backend is unreachable while it is, ends the pull as interrupted with
// Pull again and Dismiss, a followed log says its link is gone and reopens on the new backend, and
// after reconnecting a new pull shows and its Cancel answers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LogsPanel } from '../pages/logs-panel';
import { SearchBox } from '../pages/search-box';
import { ShellPanel } from '../pages/shell-panel';
import { WharfApp } from '../pages/wharf-app';
import { sshWharfOptions } from '../support/sshd';
import { type StartOptions, startWharfWeb, type WharfWeb } from '../support/wharf-web';
import { readRegistryState } from '../../scripts/setup/registry-state';

const OPEN = readRegistryState().WHARF_REGISTRY;
// Shared with the integration test; loaded by path so each tsconfig keeps to its own folders.
interface SlowRegistry {
  host: string;
  held(): number;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSlowRegistry } = require(join(__dirname, '../../vm-backend/registry/testing/slow-registry')) as {
  startSlowRegistry(upstream: string): Promise<SlowRegistry>;
};

function removeLayers(): void {
  const tags = execFileSync('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'])
    .toString()
    .split('\n')
    .filter((t) => t.includes('/wharf/layers:'));
  if (tags.length) execFileSync('docker', ['rmi', ...tags]);
}

test('a backend killed during a pull: the page says so, ends the pull, and works with the new backend', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  removeLayers();
  const slow = await startSlowRegistry(OPEN);
  const dir = mkdtempSync(join(tmpdir(), 'wharf-e2e-restart-'));
  writeFileSync(join(dir, 'registries.json'), JSON.stringify({ registries: [{ host: slow.host }] }), { mode: 0o600 });
  const ssh = testInfo.project.metadata?.engine === 'ssh' ? sshWharfOptions() : { args: [], env: {} };
  const options = (more: Partial<StartOptions> = {}): StartOptions => ({
    args: ssh.args,
    env: { ...ssh.env, WHARF_CONFIG_DIR: dir },
    ...more,
  });
  const ticker = `wharf-e2e-restart-${process.pid}-${Date.now().toString(36)}`;
  execFileSync('docker', [
    'run',
    '-d',
    '--name',
    ticker,
    '--label',
    'wharf.test=1',
    'wharf-fixture/busybox:1',
    'sh',
    '-c',
    'i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.2; done',
  ]);
  let wharf: WharfWeb | null = await startWharfWeb(options());
  try {
    const app = new WharfApp(page);
    const search = new SearchBox(page);
    await app.open(wharf.url);
    await expect(app.engineState).toContainText('Engine running');
    const logs = await LogsPanel.open(app.containers, ticker);
    await logs.expectText('tick3');

    await search.open();
    await search.search('layers');
    await search.pull(`Registry ${slow.host}`, `${slow.host}/wharf/layers`, '1');
    const ref = `${slow.host}/wharf/layers:1`;
    const item = search.pullItem(ref);
    await expect(item.getByRole('progressbar', { name: /^Layer / }).first()).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => slow.held(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    const { port, token } = wharf;
    await wharf.kill();
    const killedAt = Date.now();
    // While no backend answers: the sidebar says so instead of the last engine state...
    await expect(app.engineState).toHaveAttribute('data-state', 'backend-unreachable', { timeout: 5_000 });
    await expect(app.engineState).toContainText("Wharf's backend is unreachable");
    await expect(app.engineState).not.toContainText('Engine running');
    // ...and the pull has ended, with a way to pull again (once connected) or dismiss it.
    await expect(item).toHaveAttribute('data-state', 'interrupted', { timeout: 5_000 });
    const endedIn = Date.now() - killedAt;
    await expect(item.getByRole('alert')).toHaveAttribute('data-code', 'PULL_INTERRUPTED');
    await expect(item.getByRole('button', { name: 'Pull again' })).toBeDisabled();
    await expect(item.getByRole('button', { name: 'Dismiss' })).toBeEnabled();
    await expect(item.getByRole('button', { name: 'Cancel pull' })).toHaveCount(0);
    // A followed log says its link is gone rather than "Following".
    await expect(logs.status).toHaveAttribute('data-state', 'backend-away');
    // The engine let go of the pull with the dead backend's connection.
    await expect.poll(() => slow.held(), { timeout: 15_000 }).toBe(0);

    wharf = await startWharfWeb(options({ port, token }));
    await expect(app.engineState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await expect(item.getByRole('button', { name: 'Pull again' })).toBeEnabled();
    // The log is opened again on the new backend and follows on.
    await expect(logs.status).toHaveAttribute('data-state', 'following', { timeout: 10_000 });
    const lastTick = async (): Promise<number> =>
      Math.max(0, ...[...(await logs.terminal.text()).matchAll(/tick(\d+)/g)].map((m) => Number(m[1])));
    await expect.poll(lastTick, { timeout: 10_000 }).toBeGreaterThan(0);
    await logs.expectText(`tick${(await lastTick()) + 2}`);

    // A new pull from the new backend shows beside the interrupted one (its id is new)...
    await search.open();
    await search.search('layers');
    await search.pull(`Registry ${slow.host}`, `${slow.host}/wharf/layers`, '1');
    await page.keyboard.press('Escape');
    const both = search.pulls.getByRole('article', { name: ref });
    await expect(both).toHaveCount(2);
    const fresh = both.first();
    await expect(fresh).toHaveAttribute('data-state', 'running');
    await expect.poll(() => slow.held(), { timeout: 15_000 }).toBeGreaterThan(0);
    // ...and its Cancel answers.
    await fresh.getByRole('button', { name: 'Cancel pull' }).click();
    await expect(fresh).toHaveAttribute('data-state', 'cancelled', { timeout: 10_000 });
    await expect.poll(() => slow.held(), { timeout: 15_000 }).toBe(0);
    await both.last().getByRole('button', { name: 'Dismiss' }).click();
    await expect(both).toHaveCount(1);
    console.log(`backend killed -> pull shown as interrupted: ${endedIn} ms`);
  } finally {
    await wharf?.stop();
    execFileSync('docker', ['rm', '-f', ticker], { stdio: 'ignore' });
    await slow.close();
    rmSync(dir, { recursive: true, force: true });
    removeLayers();
  }
});

test('a shell whose backend is killed says the link was lost, and connects again on the new backend', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const name = `wharf-e2e-restart-sh-${process.pid}-${Date.now().toString(36)}`;
  execFileSync('docker', [
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'wharf.test=1',
    'wharf-fixture/busybox:1',
    'sleep',
    '600',
  ]);
  const ssh = testInfo.project.metadata?.engine === 'ssh' ? sshWharfOptions() : { args: [], env: {} };
  let wharf: WharfWeb | null = await startWharfWeb({ args: ssh.args, env: ssh.env });
  try {
    const app = new WharfApp(page);
    await app.open(wharf.url);
    const shell = await ShellPanel.open(app.containers, name);
    await expect(shell.status).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
    const { port, token } = wharf;
    await wharf.kill();
    await expect(shell.status).toHaveAttribute('data-state', 'exited', { timeout: 5_000 });
    await expect(shell.status).toContainText("Lost the link to Wharf's backend");
    wharf = await startWharfWeb({ args: ssh.args, env: ssh.env, port, token });
    await expect(app.engineState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await shell.panel.getByRole('button', { name: 'Open shell', exact: true }).click();
    await expect(shell.status).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  } finally {
    await wharf?.stop();
    execFileSync('docker', ['rm', '-f', name], { stdio: 'ignore' });
  }
});
