import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { cliPath } from './out-dir';

export interface WharfWeb {
  /** The address printed by `wharf web`, token included. */
  url: string;
  port: number;
  token: string;
  /** The environment it was started with beyond this process's own (its data folder, for one):
   *  a `wharf` command run beside it needs the same to find it. */
  env: Record<string, string>;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would: nothing is closed cleanly. */
  kill(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  args?: string[];
  /** How long to wait for the ready line. */
  timeoutMs?: number;
  /** Port and token (default: a free port, a random token): a restarted backend reuses both. */
  port?: number;
  token?: string;
}

const ROOT = resolve(__dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

/** Starts `wharf web` from the built app, as a user would with `npm run web -- ...`. */
export async function startWharfWeb(opts: StartOptions = {}): Promise<WharfWeb> {
  const port = opts.port ?? (await freePort());
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const child: ChildProcess = spawn(
    process.execPath,
    [cliPath(), 'web', '--no-open', '--port', String(port), '--token', token, ...(opts.args ?? [])],
    { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`wharf web did not print its address in time:\n${out}`)),
      opts.timeoutMs ?? 20_000,
    );
    const onData = (b: Buffer): void => {
      out += b.toString();
      const m = /Wharf web UI: (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`wharf web exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    port,
    token,
    env: { ...opts.env },
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
