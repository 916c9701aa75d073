// A private dockerd (engine/testing/private-dockerd.ts) with no image at first, then exactly one:
// a volume with no container is browsed through the helper made from that single image, nothing
// is pulled, and no helper is left. With no image at all the answer is FILES_NO_HELPER_IMAGE.
// Deleting in a volume on an engine whose only image has no shell: FILES_NO_SHELL_IMAGE.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileListing } from '../../api/contract.files';
import type { EngineStatus, WharfErrorShape } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { localConnectionFromEnv } from '../../connection/local';
import { until } from '../../testing/until';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { type PrivateDockerd, startPrivateDockerd } from '../testing/private-dockerd';

const sh = promisify(execFile);
let engine: PrivateDockerd;
let backend: Backend;
let dataDir: string;

async function invoke<T>(name: string, input: unknown): Promise<Envelope<T>> {
  return (await backend.invoke(name, input)) as Envelope<T>;
}

beforeAll(async () => {
  engine = await startPrivateDockerd();
  dataDir = mkdtempSync(join(tmpdir(), 'wharf-files-private-'));
  backend = createBackend({ connection: localConnectionFromEnv({ DOCKER_HOST: engine.host }, 'linux'), dataDir });
  await until(async () => {
    const s = await invoke<EngineStatus>('engine:status', {});
    return s.ok && s.value.state === 'ready' ? true : undefined;
  }, 30_000);
}, 120_000);
afterAll(async () => {
  await backend?.close();
  await engine?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('a volume on an engine with no image, then a single image', () => {
  it('says FILES_NO_HELPER_IMAGE with no image, and browses through the one image once loaded', async () => {
    await engine.docker('volume', 'create', 'lonely');
    const none = await invoke<FileListing>('files:list', { owner: { kind: 'volume', name: 'lonely' }, path: '/' });
    expect(none.ok ? null : (none.error as WharfErrorShape).code).toBe('FILES_NO_HELPER_IMAGE');

    // One image, copied from the shared engine (nothing pulled).
    await sh('sh', ['-c', `docker save wharf-fixture/busybox:1 | docker -H ${engine.host} load`]);
    await until(async () => {
      const r = await invoke<FileListing>('files:list', { owner: { kind: 'volume', name: 'lonely' }, path: '/' });
      return r.ok ? r.value : undefined;
    }, 10_000).then((l) => expect(l.entries).toEqual([]));
    expect(await engine.docker('ps', '-a', '-q')).toBe('');
    expect(await engine.docker('images', '-q')).not.toBe('');
  });

  it('deletes in a volume only with an image that has a shell: FILES_NO_SHELL_IMAGE otherwise', async () => {
    // An engine whose only image has no shell (one plain file, imported: nothing pulled).
    const other = await startPrivateDockerd();
    const otherData = mkdtempSync(join(tmpdir(), 'wharf-files-noshell-'));
    const b = createBackend({
      connection: localConnectionFromEnv({ DOCKER_HOST: other.host }, 'linux'),
      dataDir: otherData,
    });
    try {
      await until(async () => {
        const s = (await b.invoke('engine:status', {})) as Envelope<EngineStatus>;
        return s.ok && s.value.state === 'ready' ? true : undefined;
      }, 30_000);
      await sh('sh', [
        '-c',
        `cd ${otherData} && echo hi > only && tar -c only | docker -H ${other.host} import - wharf-test/noshell:1`,
      ]);
      await other.docker('volume', 'create', 'vol1');
      const owner = { kind: 'volume', name: 'vol1' };
      // The image list is read from the engine's events: wait until a listing works (any image does).
      await until(async () => ((await b.invoke('files:list', { owner, path: '/' })).ok ? true : undefined), 10_000);
      const r = (await b.invoke('files:delete', { owner, path: '/x' })) as Envelope<unknown>;
      expect(r.ok ? null : (r.error as WharfErrorShape).code).toBe('FILES_NO_SHELL_IMAGE');
      expect(await other.docker('ps', '-a', '-q')).toBe('');
      // With busybox there, the same delete reaches rm (nothing at /x: FILE_NOT_FOUND).
      await sh('sh', ['-c', `docker save wharf-fixture/busybox:1 | docker -H ${other.host} load`]);
      await until(async () => {
        const d = (await b.invoke('files:delete', { owner, path: '/x' })) as Envelope<unknown>;
        return !d.ok && (d.error as WharfErrorShape).code === 'FILE_NOT_FOUND' ? true : undefined;
      }, 10_000);
      expect(await other.docker('ps', '-a', '-q')).toBe('');
    } finally {
      await b.close();
      await other.stop();
      rmSync(otherData, { recursive: true, force: true });
    }
  }, 120_000);
});
