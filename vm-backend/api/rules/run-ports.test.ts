import { describe, expect, it } from 'vitest';
import { portRow } from './run-form';
import {
  assignFreePorts,
  findPortConflicts,
  nextFreePort,
  parsePortSpec,
  pickStart,
  type HostListener,
} from './run-ports';
import type { ContainerRow } from '../types';

const container = (
  name: string,
  hostPort: number,
  state: ContainerRow['state'] = 'running',
  hostIp = '127.0.0.1',
): ContainerRow => ({
  id: `id-${name}`,
  name,
  image: 'img',
  imageId: 'sha256:x',
  command: '',
  state,
  status: '',
  statusAt: 0,
  created: 0,
  ports: [{ hostIp, hostPort, containerPort: 80, protocol: 'tcp' }],
});

describe('parsePortSpec', () => {
  it('takes ports and ranges, refuses 0, 70000, letters', () => {
    expect(parsePortSpec(' 5000 ')).toEqual({ ok: true, range: { start: 5000, end: 5000 } });
    expect(parsePortSpec('5000-5002')).toEqual({ ok: true, range: { start: 5000, end: 5002 } });
    expect(parsePortSpec('0')).toEqual({ ok: false, reason: 'outOfRange' });
    expect(parsePortSpec('70000')).toEqual({ ok: false, reason: 'outOfRange' });
    expect(parsePortSpec('80a')).toEqual({ ok: false, reason: 'notNumber' });
    expect(parsePortSpec('')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('findPortConflicts', () => {
  const listeners: HostListener[] = [
    { ip: '0.0.0.0', port: 22, protocol: 'tcp' },
    { ip: '127.0.0.1', port: 6000, protocol: 'tcp' },
    { ip: '::', port: 7000, protocol: 'tcp' },
  ];
  it('names the container that holds a port, before the engine would refuse', () => {
    expect(findPortConflicts([portRow('80', '5000')], [container('web-1', 5000)], listeners)).toEqual([
      { row: 0, port: 5000, owner: { kind: 'container', name: 'web-1' } },
    ]);
  });
  it('ignores stopped containers and other protocols', () => {
    expect(findPortConflicts([portRow('80', '5000')], [container('old', 5000, 'exited')], [])).toEqual([]);
    expect(findPortConflicts([portRow('80', '22', 'udp')], [], listeners)).toEqual([]);
  });
  it('catches processes listening on the engine host: wildcard, same address, IPv6 any', () => {
    expect(
      findPortConflicts(
        [portRow('80', '22'), portRow('80', '6000'), portRow('80', '7000'), portRow('80', '6000', 'tcp', '10.0.0.5')],
        [],
        listeners,
      ).map((c) => [c.row, c.owner.kind]),
    ).toEqual([
      [0, 'process'],
      [1, 'process'],
      [2, 'process'],
    ]);
  });
  it('catches the same host port twice in one dialog, also inside a range', () => {
    expect(findPortConflicts([portRow('80', '5000'), portRow('81', '4999-5001')], [], [])).toEqual([
      { row: 1, port: 5000, owner: { kind: 'duplicate', row: 0 } },
    ]);
    expect(findPortConflicts([portRow('80', '5000'), portRow('80', '5000', 'udp')], [], [])).toEqual([]);
  });
});

describe('free ports', () => {
  const cs = [container('web-1', 5000), container('web-2', 5001)];
  it('finds the next free port, skipping containers, listeners and ports already chosen', () => {
    expect(nextFreePort(5000, '127.0.0.1', 'tcp', cs, [])).toBe(5002);
    expect(
      nextFreePort(5000, '127.0.0.1', 'tcp', cs, [{ ip: '0.0.0.0', port: 5002, protocol: 'tcp' }], new Set([5003])),
    ).toBe(5004);
    expect(nextFreePort(65535, '127.0.0.1', 'tcp', [], [{ ip: '::', port: 65535, protocol: 'tcp' }])).toBeNull();
  });
  it('"Run another" gives 5000, then 5001, then 5002', () => {
    const first = [container('web', 5000)];
    expect(assignFreePorts([portRow('80', '5000')], first, [])).toEqual([portRow('80', '5001')]);
    expect(assignFreePorts([portRow('80', '5001')], [...first, container('web-2', 5001)], [])).toEqual([
      portRow('80', '5002'),
    ]);
    expect(assignFreePorts([portRow('80', '5000'), portRow('81', '5000')], first, [])).toEqual([
      portRow('80', '5001'),
      portRow('81', '5002'),
    ]);
  });
  it('starts "pick a free port" at the host port, else a high container port, else 8000', () => {
    expect(pickStart(portRow('80', '5005'))).toBe(5005);
    expect(pickStart(portRow('3000', ''))).toBe(3000);
    expect(pickStart(portRow('80', ''))).toBe(8000);
  });
});
