import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { percentile, round, type Bench } from './types';

const run = promisify(execFile);
const N = 7;

const project = (): string => `services:
  web:
    image: wharf-fixture/httpd:1
    labels: { wharf.test: "1" }
  worker:
    image: wharf-fixture/busybox:1
    command: ["sleep", "600"]
    labels: { wharf.test: "1" }
  cache:
    image: wharf-fixture/busybox:1
    command: ["sleep", "600"]
    labels: { wharf.test: "1" }
`;

/**
 * compose_up_ratio: `up -d` of a 3-service project clicked in the Projects view until the window
 * has compose's answer (the CLI exited, the action's status gone), over the same
 * `docker-compose -p P -f F up -d` run directly until it exits; same compose, engine and file,
 * alternating, medians of 5. When the view first shows all three running is reported beside it.
 * `down` between rounds is not timed.
 */
export const composeUp: Bench = async (ctx) => {
  const root = mkdtempSync(join(tmpdir(), 'wharf-bench-compose-'));
  const names = { cli: `benchcmpcli${process.pid}`, ui: `benchcmpui${process.pid}` };
  const files: Record<string, string> = {};
  for (const [k, n] of Object.entries(names)) {
    const dir = join(root, n);
    mkdirSync(dir);
    files[k] = join(dir, 'compose.yaml');
    writeFileSync(files[k] ?? '', project());
  }
  const compose = (name: string, file: string, ...args: string[]) =>
    run('docker-compose', ['--ansi', 'never', '-p', name, '-f', file, ...args], { maxBuffer: 16 * 1024 * 1024 });
  const wharf = await ctx.startWharfWeb({ env: { WHARF_CONFIG_DIR: join(root, 'config') } });
  const page = await ctx.browser.newPage();
  const ui: number[] = [];
  const shown: number[] = [];
  const cli: number[] = [];
  try {
    await page.goto(wharf.url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('button', { name: 'Open project', exact: true }).click();
    const form = page.getByRole('form', { name: 'Open a compose project' });
    await form.getByLabel('Project folder or compose file').fill(files.ui ?? '');
    await form.getByLabel('Project folder or compose file').press('Escape');
    await form.getByLabel('Project name (optional)').fill(names.ui);
    await form.getByRole('button', { name: 'Open project', exact: true }).click();
    const card = page.getByRole('article', { name: names.ui, exact: true });
    const up = card.getByRole('group', { name: names.ui }).getByRole('button', { name: 'Up', exact: true });
    const running = card.locator('[data-testid="service-state"][data-state="running"]');
    const viaCli = async (): Promise<void> => {
      const t0 = performance.now();
      await compose(names.cli, files.cli ?? '', 'up', '-d');
      cli.push(performance.now() - t0);
      await compose(names.cli, files.cli ?? '', 'down');
    };
    const viaUi = async (): Promise<void> => {
      await up.waitFor();
      const t0 = performance.now();
      await up.click();
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll(`article[data-project="${n}"] [data-testid="service-state"]`).length === 3 &&
          [...document.querySelectorAll(`article[data-project="${n}"] [data-testid="service-state"]`)].every(
            (e) => (e as HTMLElement).dataset.state === 'running',
          ),
        names.ui,
        { polling: 'raf', timeout: 60_000 },
      );
      shown.push(performance.now() - t0);
      await running.first().waitFor();
      // The same end point as the CLI's: compose has exited and its answer reached the window.
      await card.getByRole('status').waitFor({ state: 'hidden', timeout: 60_000 });
      ui.push(performance.now() - t0);
      await compose(names.ui, files.ui ?? '', 'down');
    };
    // Which goes first alternates, so a busy machine's drift falls on both alike.
    for (let i = 0; i < N; i++) {
      if (i % 2) {
        await viaUi();
        await viaCli();
      } else {
        await viaCli();
        await viaUi();
      }
    }
  } finally {
    await page.close();
    await wharf.stop();
    for (const [k, n] of Object.entries(names)) await compose(n, files[k] ?? '', 'down', '-v').catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
  const uiP50 = percentile(ui, 50);
  const shownP50 = percentile(shown, 50);
  const cliP50 = percentile(cli, 50);
  // Each round's two runs are seconds apart: their ratio is steadier than the ratio of medians
  // when other work on the machine comes and goes.
  const pairP50 = percentile(
    ui.map((u, i) => u / (cli[i] ?? u)),
    50,
  );
  ctx.log(
    `Up click -> compose done in the window p50 ${round(uiP50)} ms (3 services shown running: ${round(shownP50)} ms); docker-compose up -d p50 ${round(cliP50)} ms`,
  );
  return {
    compose_up_ratio: round(pairP50, 2),
    compose_up_ratio_of_medians: round(uiP50 / cliP50, 2),
    compose_up_ui_ms_p50: round(uiP50),
    compose_up_shown_running_ms_p50: round(shownP50),
    compose_up_cli_ms_p50: round(cliP50),
  };
};
