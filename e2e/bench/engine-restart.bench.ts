// engine_restart_log_resume_ms (issue 15): a container (`--restart always`) prints a counter every
// 100 ms and its log is followed in the page; dockerd is SIGKILLed and started again; from the
// moment its API answers /_ping to the page showing a line the engine had not logged then.
// Reference in the same round: `docker logs -f --tail 1` started at that same moment, until it
// prints such a line (both wait for the container's next line, up to 100 ms). The engine is a
// private dockerd (e2e tests and benches must not restart the shared one).
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainersPage } from '../pages/containers-page';
import { LogsPanel } from '../pages/logs-panel';
import { percentile, round, type Bench } from './types';

interface PrivateDockerd {
  host: string;
  docker(...args: string[]): Promise<string>;
  kill(): Promise<void>;
  start(): Promise<number>;
  stop(): Promise<void>;
}
// Bundled by esbuild (scripts/bench.sh); a require, so the e2e typecheck does not pull vm-backend in.
const { startPrivateDockerd } = require('../../vm-backend/engine/testing/private-dockerd') as {
  startPrivateDockerd(): Promise<PrivateDockerd>;
};

const IMAGE = 'wharf-fixture/busybox:1';
const COUNTER = 'n=$(cat /n 2>/dev/null || echo 0); while true; do n=$((n+1)); echo $n > /n; echo $n; sleep 0.1; done';
const ROUNDS = 3;

const numbers = (text: string): number[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\d+$/.test(l))
    .map(Number);

/** `docker logs -f --tail 1` from now: resolves with the last logged number and when a later one printed. */
function cliFollow(host: string, id: string): { first: Promise<number>; later: Promise<number>; proc: ChildProcess } {
  const proc = spawn('docker', ['-H', host, 'logs', '-f', '--tail', '1', id], { stdio: ['ignore', 'pipe', 'ignore'] });
  let text = '';
  let resolveFirst: (n: number) => void = () => {};
  let resolveLater: (t: number) => void = () => {};
  const first = new Promise<number>((r) => (resolveFirst = r));
  const later = new Promise<number>((r) => (resolveLater = r));
  let base: number | null = null;
  proc.stdout.on('data', (b: Buffer) => {
    text += b.toString();
    const ns = numbers(text.slice(0, text.lastIndexOf('\n') + 1));
    if (base === null && ns.length) resolveFirst((base = ns[0] as number));
    if (base !== null && ns.some((n) => n > (base as number))) resolveLater(Date.now());
  });
  return { first, later, proc };
}

export const engineRestart: Bench = async (ctx) => {
  const d = await startPrivateDockerd();
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-bench-restart-'));
  let wharf: Awaited<ReturnType<typeof ctx.startWharfWeb>> | null = null;
  const page = await ctx.browser.newPage();
  try {
    execSync(`docker save ${IMAGE} | docker -H ${d.host} load`, { stdio: 'ignore' });
    const name = 'wharf-bench-restart';
    const id = await d.docker(
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'none',
      '--restart',
      'always',
      IMAGE,
      'sh',
      '-c',
      COUNTER,
    );
    wharf = await ctx.startWharfWeb({ env: { DOCKER_HOST: d.host, WHARF_DATA_DIR: dataDir } });
    await page.goto(wharf.url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    const logs = await LogsPanel.open(new ContainersPage(page), name);
    const shownMax = async (): Promise<number> => Math.max(0, ...numbers(await logs.terminal.text()));
    while ((await shownMax()) < 10) await new Promise((r) => setTimeout(r, 50));

    const wharfMs: number[] = [];
    const cliMs: number[] = [];
    const apiBackMs: number[] = [];
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      const killedAt = Date.now();
      await d.kill();
      const back = await d.start();
      apiBackMs.push(back - killedAt);
      const cli = cliFollow(d.host, id);
      const base = await cli.first;
      let shown = 0;
      for (let waited = 0; waited < 30_000; waited += 10) {
        if ((await shownMax()) > base) {
          shown = Date.now();
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      const cliAt = await Promise.race([cli.later, new Promise<number>((r) => setTimeout(() => r(0), 30_000))]);
      cli.proc.kill();
      if (!shown)
        throw new Error(`round ${round_}: the followed log showed nothing new within 30 s of the engine's return`);
      wharfMs.push(shown - back);
      cliMs.push(cliAt ? cliAt - back : Number.NaN);
      // Let it run a little before the next crash.
      await new Promise((r) => setTimeout(r, 1_000));
    }
    // Nothing lost or doubled: the page's lines are the engine's own, in order.
    const got = numbers(await logs.terminal.text());
    const engineLog = numbers(await d.docker('logs', id)).slice(0, got.length);
    const wrong = got.filter((n, i) => n !== engineLog[i]).length + Math.max(0, engineLog.length - got.length);
    ctx.log(`dockerd SIGKILL -> API back: ${apiBackMs.join(', ')} ms`);
    ctx.log(`API back -> new line in the page: ${wharfMs.join(', ')} ms; docker logs -f: ${cliMs.join(', ')} ms`);
    ctx.log(`${got.length} lines shown, ${wrong} differing from docker logs`);
    return {
      engine_restart_log_resume_ms: round(percentile(wharfMs, 50)),
      engine_restart_log_resume_ms_max: round(Math.max(...wharfMs)),
      engine_restart_cli_resume_ms: round(percentile(cliMs, 50)),
      engine_restart_log_lines_wrong: wrong,
    };
  } finally {
    await page.close();
    await wharf?.stop();
    await d.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
