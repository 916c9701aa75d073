import { request } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { sshWharfOptions } from '../support/sshd';
import type { BenchContext } from './types';

/** `wharf web` on the test sshd (same dockerd), and the host Docker socket it serves. */
export async function startSshWharf(ctx: BenchContext): Promise<{ url: string; socket: string; stop(): Promise<void> }> {
  const w = await ctx.startWharfWeb(sshWharfOptions());
  const socket = /Docker socket: unix:\/\/(\S+)/.exec(w.output())?.[1];
  if (!socket) throw new Error(`wharf web printed no Docker socket:\n${w.output()}`);
  return { url: w.url, socket, stop: () => w.stop() };
}

/** One GET over a fresh connection (socketPath or host/port); resolves with the body size. */
export function httpGet(o: { socketPath?: string; host?: string; port?: number }, path: string): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request({ ...o, path, agent: false }, (res) => {
      let n = 0;
      res.on('data', (b: Buffer) => (n += b.length));
      res.on('end', () => ok(n));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Resolves true as soon as host:port accepts a TCP connection. */
export function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createConnection({ host, port });
    s.once('connect', () => (s.destroy(), ok(true)));
    s.once('error', () => ok(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
