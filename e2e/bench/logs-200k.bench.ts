// logs_200k_ratio, logs_renderer_heap_mb, logs_follow_mb_s (issue 3).
// - ratio: a stopped container that printed 200,000 lines (~13 MB) is opened with tail=all (follow
//   off, so the log has an end); time from choosing "all lines" to the last chunk written into
//   the terminal (xterm's write callback), divided by `docker logs <id> > /dev/null` (median of 3).
//   The view keeps the last 25,000 lines: it must show exactly those and count the 175,000 before.
// - heap: the renderer's JS heap after that log is shown (after a forced GC).
// - follow: a container writing as fast as it can, followed for 5 s: characters the terminal
//   wrote per second, and the worst delay of a click handled meanwhile (logs_follow_click_ms);
//   then `docker logs -f` of the same container for 5 s as the engine's reference.
import { spawn } from 'node:child_process';
import type { Page } from '@playwright/test';
import { medianMs, percentile, round, type Bench, type BenchContext } from './types';

const LINES = 200_000;
const RUNS = 3;
const IMAGE = 'wharf-fixture/busybox:1';
const PRINT = `awk 'BEGIN{for(i=1;i<=${LINES};i++) printf "line %06d the quick brown fox jumps over the lazy dog 0123456789\\n", i}'`;

/** The engine's own follow rate on this machine (the writer and the engine bound it): bytes per
 *  second `docker logs -f` reads of the same container over `ms`. */
function dockerFollowMbs(name: string, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn('docker', ['logs', '-f', '--tail', '1000', name], { stdio: ['ignore', 'pipe', 'ignore'] });
    let bytes = 0;
    p.stdout.on('data', (b: Buffer) => (bytes += b.length));
    p.on('error', reject);
    setTimeout(() => p.kill(), ms);
    p.on('exit', () => resolve(bytes / 2 ** 20 / (ms / 1000)));
  });
}

function dockerLogsToNull(id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn('docker', ['logs', id], { stdio: ['ignore', 'ignore', 'ignore'] });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker logs exited ${code}`))));
  });
}

async function openLogs(page: Page, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search by name or image' }).fill(name);
  await page.getByRole('button', { name: `Details of ${name}`, exact: true }).click();
  await page.getByRole('tab', { name: 'Logs' }).click();
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** Chooses "all lines" and returns the ms until the last chunk is written into the terminal. */
async function timeTailAll(ctx: BenchContext, page: Page): Promise<number> {
  const host = page.getByTestId('log-terminal');
  await page.evaluate(() => {
    const w = window as unknown as { __t0?: number; __t1?: number; __first?: number; __note?: number };
    delete w.__note;
    delete w.__t0;
    delete w.__t1;
    delete w.__first;
    document.addEventListener('change', () => (w.__t0 = performance.now()), { capture: true, once: true });
    const el = document.querySelector('[data-testid="log-terminal"]') as HTMLElement;
    // Stages: first characters written into xterm, the count of earlier lines, last write callback.
    const mo = new MutationObserver(() => {
      if (w.__t0 === undefined) return;
      if (w.__first === undefined && Number(el.dataset.written) > 0) w.__first = performance.now();
      if (w.__note === undefined && Number(el.dataset.earlier) > 0) w.__note = performance.now();
      if (el.dataset.logDone === '1') {
        w.__t1 = performance.now();
        mo.disconnect();
      }
    });
    mo.observe(el, { attributes: true, attributeFilter: ['data-log-done', 'data-written', 'data-earlier'] });
  });
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
  for (let waited = 0; ; waited += 250) {
    if (await page.evaluate(() => (window as unknown as { __t1?: number }).__t1 !== undefined)) break;
    if (waited > 300_000) throw new Error('the log did not finish within 300 s');
    if (waited > 0 && waited % 10_000 === 0)
      ctx.log(`… ${await host.getAttribute('data-written')} characters written after ${waited / 1000} s`);
    await page.waitForTimeout(250);
  }
  const w = await page.evaluate(() => {
    const g = window as unknown as { __t0: number; __t1: number; __first?: number; __note?: number };
    return { __t0: g.__t0, __t1: g.__t1, __first: g.__first, __note: g.__note };
  });
  const at = (t?: number): string => (t === undefined ? '-' : String(round(t - w.__t0)));
  ctx.log(
    `stages: first write ${at(w.__first)} ms, earlier lines counted ${at(w.__note)} ms, last write done ${at(w.__t1)} ms`,
  );
  return w.__t1 - w.__t0;
}

async function bigLog(ctx: BenchContext, page: Page, url: string): Promise<Record<string, number>> {
  const name = `bench-logs200k-${process.pid}`;
  await ctx.docker('rm', '-f', name).catch(() => '');
  const id = await ctx.docker('run', '-d', '--name', name, '--label', 'wharf.test=1', IMAGE, 'sh', '-c', PRINT);
  try {
    await ctx.docker('wait', id);
    await page.goto(url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    await openLogs(page, name);
    const host = page.getByTestId('log-terminal');
    await page.getByRole('checkbox', { name: 'Follow' }).uncheck();
    await host.and(page.locator('[data-log-done="1"]')).waitFor();
    // The machine is shared: interleave UI and reference runs and compare medians.
    const ui: number[] = [];
    const ref: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      ref.push(await medianMs(1, () => dockerLogsToNull(id)));
      ui.push(await timeTailAll(ctx, page));
      if (run === RUNS - 1) break;
      await page.getByRole('combobox', { name: 'Show' }).selectOption('1000');
      await page.waitForTimeout(300);
      await host.and(page.locator('[data-log-done="1"]')).waitFor();
    }
    // The note about earlier lines follows the log's end (they are counted alongside).
    await page.waitForFunction(
      () =>
        Number((document.querySelector('[data-testid="log-terminal"]') as HTMLElement | null)?.dataset.earlier ?? 0) >
        0,
    );
    ctx.log(
      `UI runs ${ui.map((x) => round(x)).join(', ')} ms; docker logs runs ${ref.map((x) => round(x)).join(', ')} ms`,
    );
    const uiMs = percentile(ui, 50);
    const refMs = percentile(ref, 50);
    const written = Number(await host.getAttribute('data-written'));
    const skipped = Number((await host.getAttribute('data-skipped')) ?? 0);
    const earlier = Number((await host.getAttribute('data-earlier')) ?? 0);
    const renderer = await host.getAttribute('data-renderer');
    const lastLine = await host.evaluate((el) => {
      type Line = { isWrapped: boolean; translateToString(t: boolean): string };
      const t = (
        el as unknown as {
          wharfTerminal: { buffer: { active: { length: number; getLine(i: number): Line | undefined } } };
        }
      ).wharfTerminal;
      const b = t.buffer.active;
      let i = b.length - 1;
      while (i > 0 && !(b.getLine(i)?.translateToString(true) ?? '')) i--;
      let text = '';
      for (; i >= 0; i--) {
        const line = b.getLine(i);
        text = (line?.translateToString(true) ?? '') + text;
        if (!line?.isWrapped) break;
      }
      return text;
    });
    if (!lastLine.startsWith(`line ${String(LINES).padStart(6, '0')}`))
      throw new Error(`last line shown is "${lastLine}"`);
    // The view keeps the last 25,000 lines (its scrollback); the rest is counted, not dropped unsaid.
    const firstLine = await host.evaluate(
      (el) =>
        (
          el as unknown as {
            wharfTerminal: {
              buffer: { active: { getLine(i: number): { translateToString(t: boolean): string } | undefined } };
            };
          }
        ).wharfTerminal.buffer.active
          .getLine(0)
          ?.translateToString(true) ?? '',
    );
    if (!firstLine.startsWith(`line ${String(LINES - 25_000 + 1).padStart(6, '0')} `) || earlier !== LINES - 25_000)
      throw new Error(`first line "${firstLine}", ${earlier} earlier lines`);
    const heap = await heapMb(page);
    ctx.log(
      `200k lines (${(written / 2 ** 20).toFixed(1)} MiB): UI ${round(uiMs)} ms, docker logs >/dev/null ${round(refMs)} ms; heap ${round(heap)} MiB; ${renderer} renderer; ${earlier} earlier lines only in the download; ${skipped} lines skipped`,
    );
    return {
      logs_200k_ratio: round(uiMs / refMs, 2),
      logs_200k_ui_ms: round(uiMs),
      logs_200k_docker_ms: round(refMs),
      logs_renderer_heap_mb: round(heap),
      logs_200k_skipped_lines: skipped,
    };
  } finally {
    await ctx.docker('rm', '-f', name).catch(() => '');
  }
}

async function follow(ctx: BenchContext, page: Page, url: string): Promise<Record<string, number>> {
  const name = `bench-logsfollow-${process.pid}`;
  await ctx.docker('rm', '-f', name).catch(() => '');
  // Capped on disk: the writer is far faster than anyone can read.
  await ctx.docker(
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'wharf.test=1',
    '--log-opt',
    'max-size=20m',
    '--log-opt',
    'max-file=2',
    IMAGE,
    'sh',
    '-c',
    'yes "follow throughput line: the quick brown fox jumps over the lazy dog"',
  );
  try {
    await page.goto(url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    await openLogs(page, name);
    const host = page.getByTestId('log-terminal');
    await page.waitForFunction(
      () =>
        Number((document.querySelector('[data-testid="log-terminal"]') as HTMLElement | null)?.dataset.written ?? 0) >
        0,
    );
    await page.evaluate(() => {
      const w = window as unknown as { __delays: number[] };
      w.__delays = [];
      document.addEventListener('click', (e) => w.__delays.push(performance.now() - e.timeStamp), { capture: true });
    });
    const w0 = Number(await host.getAttribute('data-written'));
    const r0 = Number(await host.getAttribute('data-received'));
    const t0 = Date.now();
    const copy = page.getByRole('button', { name: 'Copy selection', exact: true });
    while (Date.now() - t0 < 5_000) {
      await copy.click();
      await page.waitForTimeout(250);
    }
    const w1 = Number(await host.getAttribute('data-written'));
    const r1 = Number(await host.getAttribute('data-received'));
    const secs = (Date.now() - t0) / 1000;
    const delays = await page.evaluate(() => (window as unknown as { __delays: number[] }).__delays);
    const mbs = (w1 - w0) / 2 ** 20 / secs;
    const worst = Math.max(...delays);
    const ref = await dockerFollowMbs(name, 5_000);
    ctx.log(
      `follow: ${mbs.toFixed(2)} MiB/s written into the terminal, docker logs -f ${ref.toFixed(2)} MiB/s right after (${((r1 - r0) / 2 ** 20 / secs).toFixed(2)} MiB/s received); ${delays.length} clicks, worst input delay ${round(worst)} ms`,
    );
    return {
      logs_follow_mb_s: round(mbs, 2),
      logs_follow_docker_mb_s: round(ref, 2),
      logs_follow_click_ms: round(worst),
    };
  } finally {
    await ctx.docker('rm', '-f', name).catch(() => '');
  }
}

export async function run(ctx: BenchContext): Promise<Record<string, number>> {
  const wharf = await ctx.startWharfWeb();
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    return { ...(await bigLog(ctx, page, wharf.url)), ...(await follow(ctx, page, wharf.url)) };
  } finally {
    await page.close();
    await wharf.stop();
  }
}

export const logs200k: Bench = run;
