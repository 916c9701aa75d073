// Published ports of the engine behind the test sshd, forwarded to this computer. The test sshd
// runs on this same machine, so containers publish on 127.0.0.2 (the engine's own listener) and
// Wharf forwards 127.0.0.1:P and [::1]:P through SSH to it: a real forward, no clash.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerRow } from '../../api/types';
import { hostPorts } from '../../engine/run/run-calls';
import { EngineSession } from '../../engine/session';
import { sshConnection, type SshConnection } from './ssh-connection';
import { sshdChildren, sshdSocketsFor, testSshd } from './test-sshd';

const run = promisify(execFile);
const docker = async (...args: string[]): Promise<string> => (await run('docker', args)).stdout.trim();
const IMAGE = 'wharf-fixture/busybox:1';
const made: string[] = [];

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
}

function get(host: string, port: number, path = '/index.html'): Promise<string> {
  return new Promise((ok, fail) => {
    const req = request({ host, port, path, agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (b: Buffer) => (body += b.toString()));
      res.on('end', () => ok(body));
    });
    req.on('error', fail);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

async function until<T>(f: () => T | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

let conn: SshConnection;
let session: EngineSession;
const rows = new Map<string, ContainerRow>();

async function httpContainer(port: number): Promise<string> {
  const name = `wharf-fwd-${process.pid}-${Date.now().toString(36)}-${made.length}`;
  made.push(name);
  const id = await docker(
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'wharf.test=1',
    '-p',
    `127.0.0.2:${port}:80`,
    IMAGE,
    'sh',
    '-c',
    'mkdir -p /www && echo hello-from-remote > /www/index.html && exec httpd -f -p 80 -h /www',
  );
  return id;
}

beforeAll(async () => {
  const sshd = testSshd();
  conn = sshConnection({
    target: sshd.target,
    identity: sshd.identity,
    dataDir: mkdtempSync(join(tmpdir(), 'wharf-fwd-')),
    portRetryMs: [100, 200, 400],
  });
  session = new EngineSession(conn, {
    state: () => {},
    containers: (c) => {
      if (c.kind === 'reset') rows.clear();
      for (const r of c.kind === 'reset' ? c.rows : c.upserts) rows.set(r.id, r);
      if (c.kind === 'patch') for (const id of c.removed) rows.delete(id);
    },
    images: () => {},
  });
  await session.start();
  void sshdChildren;
});
afterAll(async () => {
  if (made.length) await docker('rm', '-f', ...made).catch(() => '');
  await session?.close();
});

describe('published ports over SSH', () => {
  it('are listening on 127.0.0.1 and [::1] before the row says running, and closed after stop', async () => {
    const port = await freePort();
    const id = await httpContainer(port);
    const row = await until(() => rows.get(id)?.state === 'running' && rows.get(id));
    // At the moment the UI learns "running", the port must already accept connections.
    expect(conn.ports.forwardedPorts()).toContain(port);
    expect(row.portIssues).toBeUndefined();
    await expect.poll(() => get('127.0.0.1', port).catch(() => ''), { timeout: 10_000 }).toBe('hello-from-remote\n');
    expect(await get('::1', port)).toBe('hello-from-remote\n');
    await docker('stop', '-t', '0', id);
    await until(() => rows.get(id)?.state === 'exited');
    expect(conn.ports.forwardedPorts()).not.toContain(port);
    await expect(get('127.0.0.1', port)).rejects.toThrow();
  });

  it('reports a host port already taken on this computer on the container', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const id = await httpContainer(port);
      const row = await until(() => rows.get(id)?.state === 'running' && rows.get(id));
      expect(row.portIssues?.[0]).toMatchObject({ hostPort: port, code: 'PORT_FORWARD_TAKEN' });
    } finally {
      blocker.close();
    }
  });

  it('retries a port another program holds here: forwarded once it is free, with the row updated', async () => {
    const port = await freePort();
    const blocker = createServer((s) => s.end('the-other-program\n')).listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const id = await httpContainer(port);
    await until(() => rows.get(id)?.state === 'running' && rows.get(id)?.portIssues?.length);
    expect(rows.get(id)?.portIssues?.[0]).toMatchObject({ hostPort: port, code: 'PORT_FORWARD_TAKEN' });
    expect(rows.get(id)?.portIssues?.[0]?.detail).toContain('EADDRINUSE');
    // Several retries pass while the program still holds it: the issue stays, nothing is bound.
    await new Promise((r) => setTimeout(r, 700));
    expect(conn.ports.forwardedPorts()).not.toContain(port);
    expect(rows.get(id)?.portIssues?.length).toBe(1);
    const freedAt = Date.now();
    await new Promise<void>((r) => blocker.close(() => r()));
    await until(() => rows.get(id) && !rows.get(id)?.portIssues);
    const ms = Date.now() - freedAt;
    expect(conn.ports.forwardedPorts()).toContain(port);
    expect(await get('127.0.0.1', port)).toBe('hello-from-remote\n');
    expect(ms).toBeLessThan(2000);
  });

  it('stops retrying a taken port when its container stops', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const id = await httpContainer(port);
    await until(() => rows.get(id)?.state === 'running' && rows.get(id)?.portIssues?.length);
    await docker('stop', '-t', '0', id);
    await until(() => rows.get(id)?.state === 'exited');
    await new Promise<void>((r) => blocker.close(() => r()));
    await new Promise((r) => setTimeout(r, 900));
    expect(conn.ports.forwardedPorts()).not.toContain(port);
    expect(conn.ports.issuesOf(id)).toEqual([]);
    // Nothing of Wharf's holds the port: a program can take it again.
    const again = createServer().listen(port, '127.0.0.1');
    await new Promise((r, f) => (again.once('listening', r), again.once('error', f)));
    again.close();
  });

  it("the run dialog's port check reads the SSH host over the link (no image) and this computer too", async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const since = String(Math.floor(Date.now() / 1000) - 1);
    try {
      const hp = await hostPorts(session, undefined, 0);
      expect([hp.source, hp.via, hp.probeImage, hp.hereChecked]).toEqual(['engine-host', 'ssh', undefined, true]);
      // The test sshd is on this machine: the program shows as the SSH host's and as this computer's.
      expect(hp.listeners).toContainEqual({ ip: '127.0.0.1', port, protocol: 'tcp' });
      expect(hp.listeners).toContainEqual({ ip: '127.0.0.1', port, protocol: 'tcp', here: true });
    } finally {
      blocker.close();
    }
    // No helper container (label wharf.probe) was created for it.
    const until = String(Math.ceil(Date.now() / 1000) + 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await docker('events', '--since', since, '--until', until, '--filter', 'label=wharf.probe')).toBe('');
  });

  it('leaks no listener, channel or descriptor over 100 forward churns', async () => {
    const fds = (): number => readdirSync('/proc/self/fd').length;
    const port = await freePort();
    const id = await httpContainer(port);
    await until(() => rows.get(id)?.state === 'running');
    await expect.poll(() => get('127.0.0.1', port).catch(() => ''), { timeout: 10_000 }).toBe('hello-from-remote\n');
    await new Promise((r) => setTimeout(r, 300));
    const before = fds();
    const channels = conn.link.openChannels; // the events stream holds one (and idle API channels)
    const localPort = conn.link.localPort() as number;
    const hostSockets = sshdSocketsFor(localPort); // what the sshd holds open for this connection
    const ports = (rows.get(id) as ContainerRow).ports;
    for (let i = 0; i < 100; i++) {
      await conn.ports.publish(id, []);
      await conn.ports.publish(id, ports);
      if (i % 10 === 0) expect(await get('127.0.0.1', port)).toBe('hello-from-remote\n');
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(conn.ports.active).toBe(0);
    expect(conn.link.openChannels).toBeLessThanOrEqual(channels);
    expect(sshdSocketsFor(localPort)).toBeLessThanOrEqual(hostSockets);
    expect(fds()).toBeLessThanOrEqual(before + 2);
  });

  it('keeps listening through a dropped link; a new connection waits for it', async () => {
    const port = await freePort();
    const id = await httpContainer(port);
    await until(() => rows.get(id)?.state === 'running');
    await expect.poll(() => get('127.0.0.1', port).catch(() => ''), { timeout: 10_000 }).toBe('hello-from-remote\n');
    const states: string[] = [];
    conn.link.on('state', (s: string) => states.push(s));
    conn.link.dropForTest();
    const body = await get('127.0.0.1', port).catch((e: Error) => `failed: ${e.message}`);
    expect({ body, states }).toEqual({ body: 'hello-from-remote\n', states: ['reconnecting', 'ready'] });
  });
});
