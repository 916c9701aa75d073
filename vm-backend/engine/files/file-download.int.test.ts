// A file's download against the real dockerd, through web mode's HTTP endpoint: a receiver that
// stops reading pauses the engine (the backend does not fill with the file), and a receiver that
// goes away ends the engine's stream and releases a volume's helper. Made here: one container and
// one volume, labelled wharf.test=1.
import { createHash } from 'node:crypto';
import { Agent, type IncomingMessage, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { localConnectionFromEnv } from '../../connection/local';
import { startWebServer, type WebServer } from '../../server/web-server';
import { until } from '../../testing/until';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { docker, runWithVolume, uniqueName } from '../test-client';
import type { ArchiveSource } from './archive-source';
import { openArchive } from './engine-archive';
import { OneFileTar } from './one-file-tar';
import { readFailure } from '../errors';

let backend: Backend;
let web: WebServer;
const ctr = uniqueName('wdl-run');
const vol = uniqueName('wdl-vol');
const SIZE = 96 * 1024 * 1024;

async function ticket(owner: unknown, path: string): Promise<string> {
  const e = (await backend.invoke('files:download-ticket', { owner, path })) as Envelope<{ url: string }>;
  if (!e.ok) throw new Error(JSON.stringify(e.error));
  return `http://127.0.0.1:${web.port}${e.value.url}`;
}
const get = (url: string): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => request(url, resolve).on('error', reject).end());
const helpers = (): Promise<string> =>
  docker('ps', '-a', '--filter', 'label=wharf.helper', '--filter', `volume=${vol}`, '-q');

beforeAll(async () => {
  backend = createBackend({ connection: localConnectionFromEnv() });
  web = await startWebServer({ backend, token: 'd'.repeat(32), port: 0, staticDir: '/nonexistent' });
  await until(async () => {
    const s = (await backend.invoke('engine:status', {})) as Envelope<EngineStatus>;
    return s.ok && s.value.state === 'ready';
  });
  await docker('volume', 'create', '--label', 'wharf.test=1', vol);
  await runWithVolume(
    ctr,
    vol,
    'sh',
    '-c',
    `head -c ${SIZE} /dev/urandom > /big && cp /big /data/big && touch /ready && sleep 600`,
  );
  await until(async () => (await docker('exec', ctr, 'ls', '/').catch(() => '')).includes('ready'), 60_000, 200);
}, 90_000);

afterAll(async () => {
  await docker('rm', '-f', ctr).catch(() => '');
  await docker('volume', 'rm', '-f', vol).catch(() => '');
  await web?.close();
  await backend?.close();
});

describe('a file download keeps pace with its receiver', () => {
  it('a receiver that stops reading pauses the engine; the bytes are whole when it reads on', async () => {
    const want = (await docker('exec', ctr, 'sha256sum', '/big')).split(' ')[0];
    const res = await get(await ticket({ kind: 'container', id: ctr }, '/big'));
    expect(res.headers['content-length']).toBe(String(SIZE));
    const hash = createHash('sha256');
    let got = 0;
    res.on('data', (c: Buffer) => {
      hash.update(c);
      got += c.length;
    });
    await until(() => got > 0);
    res.pause();
    const before = process.memoryUsage().arrayBuffers;
    // Long enough for the engine to send all 96 MiB if nothing held it back (it sends ~200 MB/s).
    await new Promise((r) => setTimeout(r, 2000));
    const grew = process.memoryUsage().arrayBuffers - before;
    const stalledAt = got;
    expect(grew).toBeLessThan(40 * 1024 * 1024);
    res.resume();
    await new Promise((r) => res.on('end', r));
    expect(stalledAt).toBeLessThan(SIZE / 2);
    expect(got).toBe(SIZE);
    expect(hash.digest('hex')).toBe(want);
  }, 60_000);

  it("a receiver that goes away ends the engine's stream and removes the volume's helper", async () => {
    const res = await get(await ticket({ kind: 'volume', name: vol }, '/big'));
    expect(res.statusCode).toBe(200);
    await new Promise((r) => res.once('data', r));
    expect(await helpers()).not.toBe('');
    res.destroy();
    await until(async () => (await helpers()) === '', 15_000, 100);
  }, 60_000);
});

describe("the engine's archive, read raw (HTTP/1.0) and through node:http", () => {
  const local = localConnectionFromEnv();
  // The same socket through an agent takes the node:http path, as SSH and the VM do.
  const viaAgent = { ...local, httpOptions: () => ({ ...local.httpOptions(), agent: new Agent() }) };
  const drain = (src: ArchiveSource): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const parts: Buffer[] = [];
      src.start({
        data: (b) => parts.push(Buffer.from(b)) > 0,
        end: () => resolve(Buffer.concat(parts)),
        error: reject,
      });
    });

  it('holds little for a reader that starts late: the file is cut out whole, its header check passes', async () => {
    for (const conn of [local, viaAgent]) {
      const src = await openArchive(conn, '1.41', ctr, '/big');
      // The engine has sent far more than 1 MiB by now if nothing held it back.
      await new Promise((r) => setTimeout(r, 500));
      let got = 0;
      const tar = new OneFileTar('big', '/big', {
        content: (b) => ((got += b.length), true),
        end: () => {},
        fail: () => {},
      });
      const ended = new Promise<void>((resolve, reject) =>
        src.start({ data: (b) => tar.write(b), end: () => (tar.end(), resolve()), error: reject }),
      );
      expect(await tar.header).toBe(SIZE);
      await ended;
      expect(got).toBe(SIZE);
    }
  }, 60_000);

  it('gives the same tar both ways, and the engine refusal as dockerode does', async () => {
    const raw = await drain(await openArchive(local, '1.41', ctr, '/etc/hostname'));
    const http = await drain(await openArchive(viaAgent, '1.41', ctr, '/etc/hostname'));
    expect(raw.length).toBeGreaterThan(1024);
    expect(raw.equals(http)).toBe(true);
    for (const conn of [local, viaAgent]) {
      const missing = await openArchive(conn, '1.41', ctr, '/no/such/file').catch((e: unknown) => e);
      expect(readFailure(missing)).toMatchObject({
        status: 404,
        message: expect.stringMatching(/could not find the file/i),
      });
      const gone = await openArchive(conn, '1.41', 'wdl-no-such-container', '/').catch((e: unknown) => e);
      expect(readFailure(gone)).toMatchObject({ status: 404, message: expect.stringMatching(/no such container/i) });
    }
  });
});
