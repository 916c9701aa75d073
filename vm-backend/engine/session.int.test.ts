// EngineSession against the real dockerd: events become patches for just the row they name, and a
// dropped event stream reconnects and resyncs once (through a socket proxy we can cut).
import { until as untilAt } from '../testing/until';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerRow, EngineStatus, ListChange } from '../api/types';
import { localConnectionFromEnv } from '../connection/local';
import { EngineSession } from './session';
const until = <T>(f: Parameters<typeof untilAt<T>>[0], ms = 20_000): Promise<T> => untilAt(f, ms);

const run = promisify(execFile);
const docker = async (...args: string[]): Promise<string> => (await run('docker', args)).stdout.trim();
const name = (p: string): string => `${p}-${process.pid}-${Date.now().toString(36)}`;

interface Recorder {
  session: EngineSession;
  states: EngineStatus[];
  changes: ListChange<ContainerRow>[];
}

function record(sock: string): Recorder {
  const r: Recorder = { states: [], changes: [], session: null as unknown as EngineSession };
  r.session = new EngineSession(localConnectionFromEnv({ DOCKER_HOST: `unix://${sock}` }, 'linux'), {
    state: (s) => r.states.push(s),
    containers: (c) => r.changes.push(c),
    images: () => {},
  });
  return r;
}

/** Forwards a unix socket to the engine; close() cuts every open connection. */
function proxy(path: string): { close(): Promise<void> } {
  const open = new Set<Socket>();
  const server: Server = createServer((c) => {
    const up = createConnection('/var/run/docker.sock');
    open.add(c).add(up);
    c.pipe(up).pipe(c);
    const end = (): void => {
      c.destroy();
      up.destroy();
      open.delete(c);
      open.delete(up);
    };
    c.on('close', end).on('error', end);
    up.on('close', end).on('error', end);
  }).listen(path);
  return {
    close: () =>
      new Promise((r) => {
        open.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
}

describe('EngineSession on the real engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-session-'));
  const sock = join(dir, 'docker.sock');
  const made: string[] = [];
  let p: ReturnType<typeof proxy>;
  let r: Recorder;

  beforeAll(async () => {
    p = proxy(sock);
    r = record(sock);
    await r.session.start();
    await until(() => r.states.find((s) => s.state === 'ready'));
  });
  afterAll(async () => {
    await r.session.close();
    await p.close();
    if (made.length) await docker('rm', '-f', ...made).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with one reset holding every container', async () => {
    const first = r.changes[0];
    expect(first?.kind).toBe('reset');
    const count = Number(await docker('ps', '-aq', '--no-trunc').then((o) => o.split('\n').filter(Boolean).length));
    expect(first?.kind === 'reset' && first.rows.length).toBeGreaterThanOrEqual(count - 5);
    // Each row says when its status text was read, so the UI can age "Up 5 seconds" correctly.
    for (const row of first?.kind === 'reset' ? first.rows : [])
      expect(Math.abs(row.statusAt - Date.now())).toBeLessThan(60_000);
  });

  it('a container run with the CLI arrives as patches naming only that container', async () => {
    const n = name('int-events');
    made.push(n);
    const before = r.changes.length;
    const id = await docker(
      'run',
      '-d',
      '--name',
      n,
      '--label',
      'wharf.test=1',
      'wharf-fixture/busybox:1',
      'sleep',
      '300',
    );
    const running = await until(() =>
      r.changes
        .slice(before)
        .find((c) => c.kind === 'patch' && c.upserts.some((u) => u.id === id && u.state === 'running')),
    );
    expect(running.kind).toBe('patch');
    const mine = r.changes.slice(before);
    expect(mine.every((c) => c.kind === 'patch')).toBe(true);
    for (const c of mine) if (c.kind === 'patch') expect(c.upserts.length + c.removed.length).toBeLessThanOrEqual(1);

    await docker('pause', n);
    await until(() =>
      r.changes.find((c) => c.kind === 'patch' && c.upserts.some((u) => u.id === id && u.state === 'paused')),
    );
    await docker('rm', '-f', n);
    await until(() => r.changes.find((c) => c.kind === 'patch' && c.removed.includes(id)));
  });

  it('containers that exit at once end up exited, never stuck as running', async () => {
    // dockerd logs "die" before the list endpoint sees the new state; 20 quick exits catch it.
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const n = name(`int-quick-${i}`);
      made.push(n);
      ids.push(await docker('run', '-d', '--name', n, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1', 'true'));
    }
    await until(() => ids.every((id) => r.session.containers.get(id)?.state === 'exited') || undefined, 15_000);
  });

  it('a dropped event stream reconnects, and one resync brings what happened meanwhile', async () => {
    // While the link is down, a container appears: only the resync can tell us about it.
    await p.close();
    const statesBefore = r.states.length;
    const mark = r.changes.length;
    await until(() => r.states.slice(statesBefore).find((s) => s.state !== 'ready'));
    const n = name('int-resync');
    made.push(n);
    const id = await docker('create', '--name', n, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1');
    expect(r.changes.length).toBe(mark);
    p = proxy(sock);
    await r.session.retryNow();
    await until(() => r.states.at(-1)?.state === 'ready' || undefined);
    const resets = await until(() => {
      const later = r.changes.slice(mark).filter((c) => c.kind === 'reset');
      return later.length ? later : undefined;
    });
    expect(resets).toHaveLength(1);
    expect(resets[0]?.kind === 'reset' && resets[0].rows.some((row) => row.id === id)).toBe(true);
  });
});
