import { describe, expect, it } from 'vitest';
import { samePortRows } from './pull-then-fill';

const info = (ports: number[]) => ({
  present: true,
  cmd: '',
  exposedPorts: ports.map((port) => ({ port, protocol: 'tcp' as const })),
});

describe('samePortRows', () => {
  it('publishes each EXPOSEd port on the same host port when it is free', () => {
    const { rows, moved } = samePortRows(info([5000, 6379]), [], []);
    expect(rows.map((r) => [r.hostPort, r.containerPort, r.hostIp])).toEqual([
      ['5000', '5000', '127.0.0.1'],
      ['6379', '6379', '127.0.0.1'],
    ]);
    expect(moved).toEqual([]);
  });

  it('takes the next free one when a program holds it, and says which moved', () => {
    const { rows, moved } = samePortRows(info([5000]), [], [{ ip: '0.0.0.0', port: 5000, protocol: 'tcp' }]);
    expect(rows[0]?.hostPort).toBe('5001');
    expect(moved).toEqual([{ from: 5000, to: 5001 }]);
  });
});
