// logs_200k_ratio, logs_renderer_heap_mb, logs_follow_mb_s (issue 3).
// - ratio: a stopped container that printed 200,000 lines (~13 MB) is opened with tail=all (follow
//   off, so the log has an end); time from choosing "all lines" to the last chunk written into
//   the terminal (xterm's write callback), divided by `docker logs <id> > /dev/null` (median of 3).
// - heap: the renderer's JS heap after that log is shown (after a forced GC).
// - follow: a container writing as fast as it can, followed for 5 s: characters the terminal
//   wrote per second, and the worst delay of a click handled meanwhile (logs_follow_click_ms).
import { spawn } from 'node:child_process';
import type { Page } from '@playwright/test';
import { medianMs, percentile, round, type Bench, type BenchContext } from './types';

const LINES = 200_000;
const RUNS = 3;
const IMAGE = 'wharf-fixture/busybox:1';
const PRINT = `awk 'BEGIN{for(i=1;i<=${LINES};i++) printf "line %06d the quick brown fox jumps over the lazy dog 0123456789\\n", i}'`;

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
    const w = window as unknown as { __t0?: number; __t1?: number };
    delete w.__t0;
    delete w.__t1;
    document.addEventListener('change', () => (w.__t0 = performance.now()), { capture: true, once: true });
    const el = document.querySelector('[data-testid="log-terminal"]') as HTMLElement;
    const mo = new MutationObserver(() => {
      if (el.dataset.logDone === '1' && w.__t0 !== undefined) {
        w.__t1 = performance.now();
        mo.disconnect();
      }
    });
    mo.observe(el, { attributes: true, attributeFilter: ['data-log-done'] });
  });
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
  for (let waited = 0; ; waited += 250) {
    if (await page.evaluate(() => (window as unknown as { __t1?: number }).__t1 !== undefined)) break;
    if (waited > 300_000) throw new Error('the log did not finish within 300 s');
    if (waited > 0 && waited % 10_000 === 0) ctx.log(`… ${await host.getAttribute('data-written')} characters written after ${waited / 1000} s`);
    await page.waitForTimeout(250);
  }
  return page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    return w.__t1 - w.__t0;
  });
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
    ctx.log(`UI runs ${ui.map((x) => round(x)).join(', ')} ms; docker logs runs ${ref.map((x) => round(x)).join(', ')} ms`);
    const uiMs = percentile(ui, 50);
    const refMs = percentile(ref, 50);
    const written = Number(await host.getAttribute('data-written'));
    const skipped = Number((await host.getAttribute('data-skipped')) ?? 0);
    const lastLine = await host.evaluate((el) => {
      type Line = { isWrapped: boolean; translateToString(t: boolean): string };
      const t = (el as unknown as { wharfTerminal: { buffer: { active: { length: number; getLine(i: number): Line | undefined } } } }).wharfTerminal;
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
    if (!lastLine.startsWith(`line ${String(LINES).padStart(6, '0')}`)) throw new Error(`last line shown is "${lastLine}"`);
    const heap = await heapMb(page);
    ctx.log(`200k lines (${(written / 2 ** 20).toFixed(1)} MiB): UI ${round(uiMs)} ms, docker logs >/dev/null ${round(refMs)} ms; heap ${round(heap)} MiB; ${skipped} lines skipped (beyond the scrollback)`);
    return { logs_200k_ratio: round(uiMs / refMs, 2), logs_200k_ui_ms: round(uiMs), logs_200k_docker_ms: round(refMs), logs_renderer_heap_mb: round(heap), logs_200k_skipped_lines: skipped };
  } finally {
    await ctx.docker('rm', '-f', name).catch(() => '');
  }
}

async function follow(ctx: BenchContext, page: Page, url: string): Promise<Record<string, number>> {
  const name = `bench-logsfollow-${process.pid}`;
  await ctx.docker('rm', '-f', name).catch(() => '');
  // Capped on disk: the writer is far faster than anyone can read.
  await ctx.docker('run', '-d', '--name', name, '--label', 'wharf.test=1', '--log-opt', 'max-size=20m', '--log-opt', 'max-file=2',
    IMAGE, 'sh', '-c', 'yes "follow throughput line: the quick brown fox jumps over the lazy dog"');
  try {
    await page.goto(url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    await openLogs(page, name);
    const host = page.getByTestId('log-terminal');
    await page.waitForFunction(() => Number((document.querySelector('[data-testid="log-terminal"]') as HTMLElement).dataset.written) > 0);
    await page.evaluate(() => {
      const w = window as unknown as { __delays: number[] };
      w.__delays = [];
      document.addEventListener('click', (e) => w.__delays.push(performance.now() - e.timeStamp), { capture: true });
    });
    const w0 = Number(await host.getAttribute('data-written'));
    const t0 = Date.now();
    const copy = page.getByRole('button', { name: 'Copy selection', exact: true });
    while (Date.now() - t0 < 5_000) {
      await copy.click();
      await page.waitForTimeout(250);
    }
    const w1 = Number(await host.getAttribute('data-written'));
    const secs = (Date.now() - t0) / 1000;
    const delays = await page.evaluate(() => (window as unknown as { __delays: number[] }).__delays);
    const mbs = (w1 - w0) / 2 ** 20 / secs;
    const worst = Math.max(...delays);
    ctx.log(`follow: ${mbs.toFixed(2)} MiB/s written into the terminal; ${delays.length} clicks, worst input delay ${round(worst)} ms`);
    return { logs_follow_mb_s: round(mbs, 2), logs_follow_click_ms: round(worst) };
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
