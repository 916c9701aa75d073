import type { Browser } from '@playwright/test';
import type { StartOptions, WharfWeb } from '../support/wharf-web';

/** What every benchmark gets from the runner. */
export interface BenchContext {
  browser: Browser;
  startWharfWeb(opts?: StartOptions): Promise<WharfWeb>;
  docker(...args: string[]): Promise<string>;
  log(message: string): void;
}

/** A benchmark: returns its figures (keys as in the issues: *_ms, *_ratio, ...). */
export type Bench = (ctx: BenchContext) => Promise<Record<string, number>>;

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs f n times and returns the median duration in ms (a reference on the same machine). */
export async function medianMs(n: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return percentile(times, 50);
}
