import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../connection/connection';
import { engineHostListeners, forwardBlockersHere, PROC_NET_COMMAND } from './host-listeners';

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1389 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0
`;
const conn = (o: Partial<Connection>): Connection =>
  ({
    kind: 'ssh',
    endpoint: 'x',
    dockerOptions: () => ({}),
    httpOptions: () => ({}),
    close: async () => {},
    ...o,
  }) as Connection;

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => void server.close());

describe('engineHostListeners', () => {
  it('reads this computer for a local socket: a real listener shows, no image needed', async () => {
    const r = await engineHostListeners(conn({ kind: 'local', engineHostIsHere: true }));
    expect(r?.via).toBe('this-computer');
    expect(r?.listeners).toContainEqual({ ip: '127.0.0.1', port, protocol: 'tcp' });
  });
  it('asks a remote host over its link with one cat of /proc/net', async () => {
    const asked: string[] = [];
    const r = await engineHostListeners(conn({ hostCommand: async (c) => (asked.push(c), TCP) }));
    expect(asked).toEqual([PROC_NET_COMMAND]);
    expect(r).toEqual({ via: 'ssh', listeners: [{ ip: '127.0.0.1', port: 5001, protocol: 'tcp' }] });
  });
  it('gives up (null: the helper container is tried) when the host prints no table or the link fails', async () => {
    expect(await engineHostListeners(conn({ hostCommand: async () => 'sh: cat: not found' }))).toBeNull();
    expect(await engineHostListeners(conn({ hostCommand: async () => Promise.reject(new Error('down')) }))).toBeNull();
    expect(await engineHostListeners(conn({}))).toBeNull();
  });
});

describe('forwardBlockersHere', () => {
  it('lists a real program on 127.0.0.1 as blocking a forward, marked here; one on 127.0.0.2 does not block', async () => {
    const other = createServer().listen(0, '127.0.0.2');
    await new Promise((r) => other.once('listening', r));
    const otherPort = (other.address() as { port: number }).port;
    try {
      const l = await forwardBlockersHere();
      expect(l).toContainEqual({ ip: '127.0.0.1', port, protocol: 'tcp', here: true });
      expect(l?.every((x) => x.protocol === 'tcp' && x.here)).toBe(true);
      expect(l?.some((x) => x.port === otherPort)).toBe(false);
    } finally {
      other.close();
    }
  });
});
