// files:save and files:copy-in against the real dockerd: a container's file and a volume's folder written into a
// folder of this machine (bytes compared), a taken name kept, cancel and a closed window removing
// what was written, and a container removed mid-copy a coded error with nothing left behind; a file
// of this machine copied into a container and a volume, read back with docker exec.
// Made here: one container, one volume (labelled wharf.test=1) and a temporary folder.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyProgress } from '../../api/contract.files';
import type { EngineStatus } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { localConnectionFromEnv } from '../../connection/local';
import { until } from '../../testing/until';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { docker, recordingClient, runWithVolume, uniqueName } from '../test-client';

let backend: Backend;
const ctr = uniqueName('wsave-run');
const vol = uniqueName('wsave-vol');
const dir = mkdtempSync(join(tmpdir(), 'wharf-save-'));
const SIZE = 64 * 1024 * 1024;
let n = 0;

const save = (input: Record<string, unknown>, client = recordingClient()) =>
  backend.invoke(
    'files:save',
    { copy: `copy-test${++n}abc`, folder: dir, replace: false, ...input },
    client,
  ) as Promise<Envelope<CopyProgress>>;
const parts = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.part'));
const helpers = (): Promise<string> =>
  docker('ps', '-a', '--filter', 'label=wharf.helper', '--filter', `volume=${vol}`, '-q');

beforeAll(async () => {
  backend = createBackend({ connection: localConnectionFromEnv() });
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
    `head -c ${SIZE} /dev/urandom > /big && mkdir -p /data/notes && echo hello > /data/notes/a.txt && touch /ready && sleep 600`,
  );
  await until(async () => (await docker('exec', ctr, 'ls', '/').catch(() => '')).includes('ready'), 60_000, 200);
}, 90_000);

afterAll(async () => {
  await docker('rm', '-f', ctr).catch(() => '');
  await docker('volume', 'rm', '-f', vol).catch(() => '');
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('files:save (docker cp into a folder of this machine)', () => {
  it("writes a container's file whole, with progress, and keeps a file of that name", async () => {
    writeFileSync(join(dir, 'big'), 'already here');
    const client = recordingClient();
    const r = await save({ owner: { kind: 'container', id: ctr }, path: '/big' }, client);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ state: 'done', bytes: SIZE, total: SIZE, savedAs: join(dir, 'big (1)') });
    const want = (await docker('exec', ctr, 'sha256sum', '/big')).split(' ')[0];
    expect(
      createHash('sha256')
        .update(readFileSync(join(dir, 'big (1)')))
        .digest('hex'),
    ).toBe(want);
    expect(readFileSync(join(dir, 'big'), 'utf8')).toBe('already here');
    const states = client.events
      .filter((e) => e.event === 'files:copy-progress')
      .map((e) => (e.payload as CopyProgress).state);
    expect(states[0]).toBe('running');
    expect(states.at(-1)).toBe('done');
    expect(parts()).toEqual([]);
  }, 60_000);

  it("saves a volume's folder as a .tar under the name asked for, and removes the helper", async () => {
    const r = await save({ owner: { kind: 'volume', name: vol }, path: '/notes', name: 'notes-copy.tar' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.savedAs).toBe(join(dir, 'notes-copy.tar'));
    const names: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const ex = extract();
      ex.on('entry', (h, body, next) => {
        names.push(h.name);
        body.resume();
        body.on('end', next);
      });
      ex.on('finish', resolve);
      ex.on('error', reject);
      ex.end(readFileSync(join(dir, 'notes-copy.tar')));
    });
    expect(names).toEqual(['notes/', 'notes/a.txt']);
    expect(await helpers()).toBe('');
  }, 60_000);

  it('cancel, or the window going away, stops the copy and leaves nothing in the folder', async () => {
    for (const how of ['cancel', 'close'] as const) {
      const client = recordingClient();
      const copy = `copy-${how}xyz${++n}`;
      const running = backend.invoke(
        'files:save',
        { owner: { kind: 'container', id: ctr }, path: '/big', copy, folder: dir, name: `${how}.bin`, replace: false },
        client,
      ) as Promise<Envelope<CopyProgress>>;
      await client.waitFor(() => client.events.some((e) => e.event === 'files:copy-progress'), 20_000);
      if (how === 'cancel') expect((await backend.invoke('files:copy-cancel', { copy }, client)).ok).toBe(true);
      else client.close();
      const r = await running;
      expect(r.ok && r.value.state).toBe('cancelled');
      expect(readdirSync(dir)).not.toContain(`${how}.bin`);
      expect(parts()).toEqual([]);
    }
  }, 60_000);

  it('a container removed mid-copy is a coded error, and nothing is left in the folder', async () => {
    const gone = uniqueName('wsave-gone');
    await docker(
      'run',
      '-d',
      '--name',
      gone,
      '--label',
      'wharf.test=1',
      'wharf-fixture/busybox:1',
      'sh',
      '-c',
      `head -c ${SIZE} /dev/urandom > /big && touch /ready && sleep 600`,
    );
    try {
      await until(async () => (await docker('exec', gone, 'ls', '/').catch(() => '')).includes('ready'), 60_000, 200);
      const client = recordingClient();
      const running = save({ owner: { kind: 'container', id: gone }, path: '/big', name: 'gone.bin' }, client);
      await client.waitFor(() => client.events.some((e) => e.event === 'files:copy-progress'), 20_000);
      await docker('rm', '-f', gone);
      const r = await running;
      // The engine may have sent the whole file before it went: then it is saved whole.
      if (r.ok) expect(r.value).toMatchObject({ state: 'done', bytes: SIZE });
      else expect(r.error.code).toBe('FILE_COPY_FAILED');
      expect(parts()).toEqual([]);
    } finally {
      await docker('rm', '-f', gone).catch(() => '');
    }
  }, 90_000);

  it('a missing path, a folder that is not there and a bad name are coded errors; nothing is written', async () => {
    const missing = await save({ owner: { kind: 'container', id: ctr }, path: '/no/such' });
    expect(!missing.ok && missing.error.code).toBe('FILE_NOT_FOUND');
    const noFolder = await save({ owner: { kind: 'container', id: ctr }, path: '/big', folder: join(dir, 'nope') });
    expect(!noFolder.ok && noFolder.error.code).toBe('HOST_PATH_NOT_FOUND');
    for (const name of ['../escape', 'a/b', '..', 'x\ny']) {
      const bad = await save({ owner: { kind: 'container', id: ctr }, path: '/big', name });
      expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
    }
    expect(readdirSync(join(dir, '..'))).not.toContain('escape');
    expect(parts()).toEqual([]);
  }, 30_000);
});

describe('files:copy-in (docker cp FILE CONTAINER:DIR)', () => {
  const copyIn = (input: Record<string, unknown>, client = recordingClient()) =>
    backend.invoke('files:copy-in', { copy: `copy-in${++n}abc`, ...input }, client) as Promise<Envelope<CopyProgress>>;

  it('streams a file of this machine into a container and into a volume, whole', async () => {
    const src = join(dir, 'to-copy.bin');
    const bytes = Buffer.alloc(8 * 1024 * 1024 + 17, 0);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
    writeFileSync(src, bytes);
    const want = createHash('sha256').update(bytes).digest('hex');
    const client = recordingClient();
    const r = await copyIn({ owner: { kind: 'container', id: ctr }, dir: '/tmp', source: src }, client);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({
      state: 'done',
      bytes: bytes.length,
      total: bytes.length,
      savedAs: '/tmp/to-copy.bin',
    });
    expect((await docker('exec', ctr, 'sha256sum', '/tmp/to-copy.bin')).split(' ')[0]).toBe(want);
    expect(client.events.at(-1)?.payload).toMatchObject({ state: 'done' });
    const v = await copyIn({ owner: { kind: 'volume', name: vol }, dir: '/notes', source: src });
    expect(v.ok && v.value.savedAs).toBe('/notes/to-copy.bin');
    expect((await docker('exec', ctr, 'sha256sum', '/data/notes/to-copy.bin')).split(' ')[0]).toBe(want);
    expect(await helpers()).toBe('');
  }, 60_000);

  it('a missing file, a folder and a relative path are coded errors', async () => {
    const owner = { kind: 'container', id: ctr };
    const missing = await copyIn({ owner, dir: '/tmp', source: join(dir, 'nope.txt') });
    expect(!missing.ok && missing.error.code).toBe('HOST_FILE_NOT_FOUND');
    const folder = await copyIn({ owner, dir: '/tmp', source: dir });
    expect(!folder.ok && folder.error.code).toBe('HOST_PATH_NOT_FILE');
    const relative = await copyIn({ owner, dir: '/tmp', source: 'to-copy.bin' });
    expect(!relative.ok && relative.error.code).toBe('HOST_PATH_NOT_ABSOLUTE');
    const noDir = await copyIn({ owner, dir: '/no/such/dir', source: join(dir, 'to-copy.bin') });
    expect(!noDir.ok && noDir.error.code).toBe('FILE_NOT_FOUND');
  }, 30_000);
});
