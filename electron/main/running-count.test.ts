import { describe, expect, it } from 'vitest';
import { RunningCount } from './running-count';

describe('RunningCount', () => {
  it('counts running, paused and restarting containers across a reset and patches', () => {
    const c = new RunningCount();
    expect(
      c.apply({
        kind: 'reset',
        seq: 1,
        rows: [
          { id: 'a', state: 'running' },
          { id: 'b', state: 'exited' },
          { id: 'c', state: 'paused' },
        ],
      }),
    ).toBe(2);
    expect(c.apply({ kind: 'patch', seq: 2, upserts: [{ id: 'b', state: 'restarting' }], removed: [] })).toBe(3);
    expect(c.apply({ kind: 'patch', seq: 3, upserts: [{ id: 'a', state: 'exited' }], removed: ['c'] })).toBe(1);
    // An engine switch starts again from an empty reset.
    expect(c.apply({ kind: 'reset', seq: 4, rows: [] })).toBe(0);
    expect(c.count).toBe(0);
  });
});
