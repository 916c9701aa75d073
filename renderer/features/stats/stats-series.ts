// The Stats tab's data, kept outside React: the last minutes of readings as uPlot's columns
// (time in seconds, then each series), with network and disk turned into per-second rates.
import type { StatsSample } from '../../../vm-backend/api/stats-types';

/** Five minutes at the engine's one reading a second. */
export const KEEP = 300;

export interface Series {
  t: number[];
  cpu: (number | null)[];
  mem: number[];
  limit: number[];
  rx: (number | null)[];
  tx: (number | null)[];
  rd: (number | null)[];
  wr: (number | null)[];
}

export function emptySeries(): Series {
  return { t: [], cpu: [], mem: [], limit: [], rx: [], tx: [], rd: [], wr: [] };
}

const rate = (now: number, before: number | undefined, dt: number): number | null =>
  before === undefined || dt <= 0 || now < before ? null : (now - before) / dt;

/** Adds a reading (dropping the oldest past KEEP); the previous reading gives the rates. */
export function push(s: Series, x: StatsSample, prev: StatsSample | null): void {
  const dt = prev ? (x.at - prev.at) / 1000 : 0;
  s.t.push(x.at / 1000);
  s.cpu.push(x.cpuPct);
  s.mem.push(x.memUsed);
  s.limit.push(x.memLimit);
  s.rx.push(rate(x.netRx, prev?.netRx, dt));
  s.tx.push(rate(x.netTx, prev?.netTx, dt));
  s.rd.push(rate(x.blkRead, prev?.blkRead, dt));
  s.wr.push(rate(x.blkWrite, prev?.blkWrite, dt));
  if (s.t.length > KEEP) for (const k of Object.keys(s) as (keyof Series)[]) s[k].shift();
}

/** A new limit known at once (docker update answered): the line moves before the next reading. */
export function setLatestLimit(s: Series, bytes: number): void {
  if (s.limit.length) s.limit[s.limit.length - 1] = bytes;
}
