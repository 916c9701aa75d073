// EngineSession when its engine goes away and comes back, against a tiny fake Engine API on a
// unix socket (the real dockerd's crash and return: logs/logs-engine-restart.int.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../api/types';
import { localConnectionFromEnv } from '../connection/local';
import { until } from '../testing/until';
import { EngineSession } from './session';

/** Answers what a session asks on connect; the events stream stays open until the server goes. */
function fakeEngine(path: string): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const streams = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    res.setHeader('Api-Version', '1.41');
    if (url.startsWith('/_ping')) return res.end('OK');
    res.setHeader('Content-Type', 'application/json');
    if (url.includes('/version')) return res.end(JSON.stringify({ Version: '20.10.24', ApiVersion: '1.41' }));
    if (url.includes('/events')) {
      streams.add(res);
      res.writeHead(200);
      return res.flushHeaders();
    }
    res.end('[]');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((ok) =>
    server.listen(path, () =>
      ok({
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

let dir = '';
let session: EngineSession | null = null;
afterEach(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('EngineSession, engine lost and back', () => {
  it('asks again every 500 ms while a lost engine is away, and tells onReady listeners when it is back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wharf-session-'));
    const sock = join(dir, 'docker.sock');
    let engine = await fakeEngine(sock);
    const states: EngineStatus[] = [];
    const s = new EngineSession(localConnectionFromEnv({ DOCKER_HOST: `unix://${sock}` }, 'linux'), {
      state: (st) => states.push(st),
      containers: () => {},
      images: () => {},
    });
    session = s;
    await s.start();
    expect(s.status.state).toBe('ready');
    let readyAgain = 0;
    s.onReady(() => readyAgain++);

    await engine.close();
    // Three failed attempts in a row, each planning the next in 500 ms (was 500, 1000, 2000).
    const retries = await until(() => {
      const r = states.filter((st) => st.state === 'unreachable').map((st) => st.retryInMs);
      return r.length >= 3 && r;
    }, 10_000);
    expect(retries.slice(0, 3)).toEqual([500, 500, 500]);
    expect(readyAgain).toBe(0);

    engine = await fakeEngine(sock);
    await until(() => s.status.state === 'ready', 5_000);
    expect(readyAgain).toBe(1);
    await engine.close();
  });
});
