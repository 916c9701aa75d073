import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatsSample } from '../../../vm-backend/api/stats-types';
import { engineTotal, POLL_MS, startStatsPolling } from './stats-store';

afterEach(() => vi.useRealTimers());

const sample = (id: string, cpuPct: number | null, memUsed: number) => ({ id, cpuPct, memUsed }) as StatsSample;

describe('the list’s stats polling', () => {
  it('asks only while visible, for the rows shown, and every 5th round for all running', async () => {
    vi.useFakeTimers();
    const asked: string[][] = [];
    let visible = false;
    const stop = startStatsPolling({
      bridge: {
        call: (async (_name: string, input: { ids: string[] }) => {
          asked.push(input.ids);
          return input.ids.map((id) => ({ id, sample: sample(id, 1, 1) }));
        }) as never,
      },
      running: () => ['a', 'b', 'c'],
      visible: () => visible,
      mountedIds: () => ['b', 'gone'],
    });
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(asked).toEqual([]);
    visible = true;
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(asked[0]).toEqual(['a', 'b', 'c']);
    expect(asked.slice(1, 5)).toEqual([['b'], ['b'], ['b'], ['b']]);
    stop();
    const n = asked.length;
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(asked.length).toBe(n);
  });

  it('sums the running containers’ latest readings for the engine-wide total', () => {
    const byId = { a: sample('a', 10, 100), b: sample('b', null, 50), c: sample('c', 5, 7) };
    expect(engineTotal(byId, ['a', 'b'])).toEqual({ cpu: 10, mem: 150, n: 2 });
  });
});
