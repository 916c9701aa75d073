import { describe, expect, it } from 'vitest';
import type { StatsSample } from '../../../vm-backend/api/stats-types';
import { emptySeries, KEEP, push, setLatestLimit } from './stats-series';

const sample = (at: number, p: Partial<StatsSample> = {}): StatsSample => ({
  id: 'c',
  at,
  cpuPct: 1,
  memUsed: 10,
  memLimit: 100,
  memLimited: true,
  netRx: 0,
  netTx: 0,
  blkRead: 0,
  blkWrite: 0,
  pids: 1,
  onlineCpus: 2,
  ...p,
});

describe('the Stats tab series', () => {
  it('turns counters into per-second rates and keeps the last five minutes', () => {
    const s = emptySeries();
    let prev: StatsSample | null = null;
    for (let i = 0; i < KEEP + 10; i++) {
      const x = sample(1_000_000 + i * 2000, { netRx: i * 4000, blkWrite: i * 100 });
      push(s, x, prev);
      prev = x;
    }
    expect(s.t).toHaveLength(KEEP);
    expect(s.rx.at(-1)).toBe(2000);
    expect(s.wr.at(-1)).toBe(50);
    const one = emptySeries();
    push(one, sample(1000), null);
    expect(one.rx).toEqual([null]);
  });

  it('moves the limit line at once when docker update answers', () => {
    const s = emptySeries();
    push(s, sample(1000), null);
    setLatestLimit(s, 96);
    expect(s.limit).toEqual([96]);
  });
});
