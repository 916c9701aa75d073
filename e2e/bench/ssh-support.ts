import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sshDataDir, sshEngine, sshWharfOptions } from '../support/sshd';
import type { BenchContext } from './types';

/** `wharf web` on the test sshd (same dockerd), and the host Docker socket it serves. */
export async function startSshWharf(
  ctx: BenchContext,
): Promise<{ url: string; socket: string; stop(): Promise<void> }> {
  const w = await ctx.startWharfWeb(sshWharfOptions());
  // The socket is served once the engine is connected, which may follow the web server's start.
  const found = (): string | undefined => /Docker socket: unix:\/\/(\S+)/.exec(w.output())?.[1];
  for (let t = Date.now(); !found() && Date.now() - t < 15_000; ) await sleep(50);
  const socket = found();
  if (!socket) {
    await w.stop();
    throw new Error(`wharf web printed no Docker socket:\n${w.output()}`);
  }
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

/** The duration of each of `n` calls of `f`, back to back. */
export async function timings(n: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * Runs every named measurement `rounds` times, `n` calls each, in turn (so machine noise hits all
 * alike), after a warm-up of `n` calls each; returns all samples by name.
 */
export async function interleaved(
  fs: Record<string, () => Promise<unknown>>,
  rounds: number,
  n: number,
): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const f of Object.values(fs)) await timings(n, f);
  for (let r = 0; r < rounds; r++)
    for (const [k, f] of Object.entries(fs)) (out[k] ??= []).push(...(await timings(n, f)));
  return out;
}

/** True once 127.0.0.1:port accepts; false if `p` exits or `ms` pass first. */
async function accepting(p: ChildProcess, port: number, ms: number): Promise<boolean> {
  for (let t = Date.now(); !(await accepts('127.0.0.1', port)); await sleep(20)) {
    if (Date.now() - t > ms || p.exitCode !== null) return false;
  }
  return true;
}

/**
 * A bare TCP -> unix socket relay (socat: a C program with a poll loop, like sshd, but with no
 * SSH and no crypto) on 127.0.0.1 in front of `socketPath`. It is the floor for any remote
 * transport to the engine: one loopback TCP hop and one more process. Undefined without socat.
 */
export async function startTcpRelay(socketPath: string): Promise<{ port: number; stop(): void } | undefined> {
  if (spawnSync('socat', ['-V']).error) return undefined;
  const port = await freePort();
  const p = spawn('socat', [`TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`, `UNIX-CONNECT:${socketPath}`], {
    stdio: 'ignore',
  });
  const stop = (): void => void p.kill();
  return (await accepting(p, port, 5_000)) ? { port, stop } : (stop(), undefined);
}

/**
 * OpenSSH's own `ssh -N -L 127.0.0.1:<free port>:host:port` to the test sshd (C at both ends,
 * the host key pinned from the test sshd's key file): the reference any SSH forward is held to.
 */
export async function startOpenSshForward(
  host: string,
  port: number,
): Promise<{ port: number; stop(): void } | undefined> {
  const e = sshEngine();
  const dir = sshDataDir({ pinned: true });
  const local = await freePort();
  const user = new URL(e.target.replace(/^ssh:/, 'http:')).username;
  const p = spawn(
    'ssh',
    [
      '-N',
      '-i',
      e.identity,
      '-p',
      String(e.port),
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      `UserKnownHostsFile=${join(dir, 'ssh', 'known_hosts')}`,
      '-o',
      'Ciphers=aes128-gcm@openssh.com',
      '-o',
      'ExitOnForwardFailure=yes',
      '-L',
      `127.0.0.1:${local}:${host}:${port}`,
      `${user}@127.0.0.1`,
    ],
    { stdio: 'ignore' },
  );
  const stop = (): void => {
    p.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  return (await accepting(p, local, 10_000)) ? { port: local, stop } : (stop(), undefined);
}
