import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { percentile, round, type Bench, type BenchContext } from './types';

const N = 30;
const PHASE_S = Number(process.env.WHARF_STATS_PHASE_S ?? 15);
const ROUNDS = 3;
const FRAME_S = Number(process.env.WHARF_STATS_FRAME_S ?? 60);
const HZ = 100; // USER_HZ on Linux

/** utime + stime of a process, in seconds (0 if it is gone). */
function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(f[11]) + Number(f[12])) / HZ;
  } catch {
    return 0;
  }
}

/** The `wharf web` backend listening on `port` (its command line names the port). */
function backendPid(port: number): number {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (cmd.includes('web') && cmd.includes('--port') && cmd.includes(String(port))) return Number(d);
    } catch {}
  }
  throw new Error(`no wharf web process on port ${port}`);
}

const dockerdPid = (): number => Number(readFileSync('/var/run/docker.pid', 'utf8').trim());

/** CPU seconds of this browser's renderer processes (Chromium's own accounting, over CDP). */
async function rendererCpu(ctx: BenchContext): Promise<number> {
  const cdp = await ctx.browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; cpuTime: number }[];
  };
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').reduce((s, p) => s + p.cpuTime, 0);
}

/** CPU % of one core used by backend + renderer, and by the engine, over `seconds`. */
async function measure(ctx: BenchContext, backend: number, seconds: number, extra?: () => number) {
  const engine = dockerdPid();
  const b0 = cpuOf(backend);
  const r0 = await rendererCpu(ctx);
  const e0 = cpuOf(engine);
  const x0 = extra?.() ?? 0;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const dt = (performance.now() - t0) / 1000;
  const pct = (v: number): number => (v / dt) * 100;
  return {
    wharf: pct(cpuOf(backend) - b0 + ((await rendererCpu(ctx)) - r0)),
    engine: pct(cpuOf(engine) - e0),
    extra: pct((extra?.() ?? 0) - x0),
  };
}

/** Makes the page read as hidden (or shown again): the list's poller asks nothing while hidden. */
const setHidden = (page: Page, hidden: boolean): Promise<void> =>
  page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
  }, hidden);

/**
 * stats_cpu_overhead_pct: 30 running containers, the list's stats columns visible, against the same
 * page with stats off (the window reading as hidden); CPU of the backend (/proc) and the page's
 * renderer (Chromium's process info), % of one core, 3 alternating rounds of 15 s each. The
 * engine's extra CPU beside it, and
 * `docker stats` (the CLI, streaming every container) measured the same way as the reference.
 * stats_chart_frame_ms_p95: the Stats tab at the engine's 1 Hz for 60 s, each redraw of its four
 * charts timed in the page.
 */
export const statsBench: Bench = async (ctx) => {
  const prefix = `bench-st-${process.pid}`;
  const names = Array.from({ length: N }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
  for (const n of names)
    await ctx.docker('run', '-d', '--name', n, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1', 'sleep', '900');
  const wharf = await ctx.startWharfWeb();
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const out: Record<string, number> = {};
  try {
    await page.goto(wharf.url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    await page.getByRole('searchbox', { name: 'Search by name or image' }).fill(prefix);
    await page.locator('[data-testid="container-stats"][data-mem]').first().waitFor({ timeout: 20_000 });
    const backend = backendPid(wharf.port);

    // Off and on alternate (ROUNDS each), so the machine's other load falls on both alike.
    const offs: Awaited<ReturnType<typeof measure>>[] = [];
    const ons: Awaited<ReturnType<typeof measure>>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await setHidden(page, true);
      await new Promise((r) => setTimeout(r, 2500));
      offs.push(await measure(ctx, backend, PHASE_S));
      await setHidden(page, false);
      await new Promise((r) => setTimeout(r, 2500));
      ons.push(await measure(ctx, backend, PHASE_S));
    }
    const mean = (xs: { wharf: number; engine: number }[], k: 'wharf' | 'engine'): number =>
      xs.reduce((a, x) => a + x[k], 0) / xs.length;
    const off = { wharf: mean(offs, 'wharf'), engine: mean(offs, 'engine') };
    const on = { wharf: mean(ons, 'wharf'), engine: mean(ons, 'engine') };
    ctx.log(
      `rounds (off/on, Wharf %): ${offs.map((o, i) => `${round(o.wharf, 2)}/${round(ons[i]?.wharf ?? 0, 2)}`).join(', ')}`,
    );
    await setHidden(page, true);
    await new Promise((r) => setTimeout(r, 3000));
    // The reference: the docker CLI's own `docker stats` (every running container, streamed).
    const cli = spawn('docker', ['stats', '--format', '{{.Name}} {{.CPUPerc}} {{.MemUsage}}'], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    await new Promise((r) => setTimeout(r, 3000));
    const ref = await measure(ctx, backend, PHASE_S, () => cpuOf(cli.pid ?? 0));
    cli.kill('SIGTERM');
    const shown = await page.locator('[data-testid="container-stats"][data-mem]').count();
    ctx.log(
      `${N} running, ${shown} rows shown; stats on: Wharf ${round(on.wharf, 2)} % (off ${round(off.wharf, 2)} %), ` +
        `engine ${round(on.engine, 2)} % (off ${round(off.engine, 2)} %); docker stats: CLI ${round(ref.extra, 2)} %, ` +
        `engine ${round(ref.engine, 2)} %`,
    );
    out.stats_cpu_overhead_pct = round(on.wharf - off.wharf, 2);
    out.stats_engine_extra_cpu_pct = round(on.engine - off.engine, 2);
    out.stats_cli_cpu_pct = round(ref.extra, 2);
    out.stats_cli_engine_extra_cpu_pct = round(ref.engine - off.engine, 2);

    // The Stats tab for FRAME_S seconds.
    await setHidden(page, false);
    const first = names[0] as string;
    await page.getByRole('searchbox', { name: 'Search by name or image' }).fill(first);
    await page.getByRole('button', { name: `Details of ${first}`, exact: true }).click();
    await page.getByRole('tab', { name: 'Stats' }).click();
    await page.waitForTimeout(FRAME_S * 1000);
    const frames = await page
      .getByTestId('stats-charts')
      .evaluate((el) => [...((el as HTMLElement & { wharfFrames?: number[] }).wharfFrames ?? [])]);
    if (frames.length < FRAME_S / 2) throw new Error(`only ${frames.length} chart frames in ${FRAME_S} s`);
    ctx.log(
      `Stats tab ${FRAME_S} s: ${frames.length} redraws, p50 ${round(percentile(frames, 50), 2)} ms, p95 ${round(percentile(frames, 95), 2)} ms, max ${round(Math.max(...frames), 2)} ms`,
    );
    out.stats_chart_frame_ms_p95 = round(percentile(frames, 95), 2);
    out.stats_chart_frames = frames.length;
  } finally {
    await page.close();
    await wharf.stop();
    await ctx.docker('rm', '-f', ...names).catch(() => '');
  }
  return out;
};
