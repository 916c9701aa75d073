// The volumes and files domains over SSH (the test sshd, the same real dockerd behind it): the
// volume list, a volume's files through the never-started helper, upload and download through
// web mode's HTTP endpoint, and a running container listed by exec over an SSH channel.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileListing } from '../../api/contract.files';
import type { VolumeRow } from '../../api/contract.volumes';
import type { EngineStatus, Listing } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { sshConnection } from '../../connection/ssh/ssh-connection';
import { testSshd } from '../../connection/ssh/test-sshd';
import { startWebServer, type WebServer } from '../../server/web-server';
import { until } from '../../testing/until';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { docker, runWithVolume, uniqueName } from '../test-client';

let backend: Backend;
let web: WebServer;
const vol = uniqueName('wssh-vol');
const ctr = uniqueName('wssh-ctr');

async function ok<T>(name: string, input: unknown): Promise<T> {
  const e = (await backend.invoke(name, input)) as Envelope<T>;
  if (!e.ok) throw new Error(`${name}: ${JSON.stringify(e.error)}`);
  return e.value;
}

beforeAll(async () => {
  const sshd = testSshd();
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-files-ssh-'));
  backend = createBackend({ connection: sshConnection({ target: sshd.target, identity: sshd.identity, dataDir }) });
  web = await startWebServer({ backend, token: 's'.repeat(32), port: 0, staticDir: dataDir });
  await until(async () => ((await ok<EngineStatus>('engine:status', {})).state === 'ready' ? true : undefined), 20_000);
});
afterAll(async () => {
  await docker('rm', '-f', ctr).catch(() => '');
  await docker('volume', 'rm', '-f', vol).catch(() => '');
  await web?.close();
  await backend?.close();
});

describe('volumes and files over SSH', () => {
  it('creates a volume, uploads into it through the helper, reads it back by download and in a container', async () => {
    await ok('volumes:create', { name: vol, labels: { 'wharf.test': '1' } });
    const list = await ok<Listing<VolumeRow>>('volumes:list', {});
    expect(list.rows.find((r) => r.name === vol)).toMatchObject({ driver: 'local', users: [] });
    const owner = { kind: 'volume', name: vol };
    const up = await ok<{ url: string }>('files:upload-ticket', { owner, dir: '/' });
    const put = await fetch(`http://127.0.0.1:${web.port}${up.url}&name=over-ssh.txt`, {
      method: 'PUT',
      body: 'via ssh\n',
    });
    expect(put.status).toBe(200);
    const listed = await ok<FileListing>('files:list', { owner, path: '/' });
    expect(listed.entries.map((e) => e.name)).toEqual(['over-ssh.txt']);
    const dl = await ok<{ url: string }>('files:download-ticket', { owner, path: '/over-ssh.txt' });
    expect(await (await fetch(`http://127.0.0.1:${web.port}${dl.url}`)).text()).toBe('via ssh\n');
    expect(await docker('ps', '-a', '-q', '--filter', 'label=wharf.helper', '--filter', `volume=${vol}`)).toBe('');

    await runWithVolume(ctr, vol, 'sleep', '300');
    const inCtr = await ok<FileListing>('files:list', { owner: { kind: 'container', id: ctr }, path: '/data' });
    expect(inCtr.via).toBe('exec');
    expect(inCtr.entries.map((e) => e.name)).toEqual(['over-ssh.txt']);
    expect(await docker('exec', ctr, 'cat', '/data/over-ssh.txt')).toBe('via ssh');

    // Stopped: `/` from its image (a helper run over SSH) and its diff; the volume's folder from the archive.
    await docker('exec', ctr, 'sh', '-c', 'echo new > /made-here');
    await docker('stop', '-t', '0', ctr);
    const root = await ok<FileListing>('files:list', { owner: { kind: 'container', id: ctr }, path: '/' });
    expect(root.via).toBe('image');
    expect(root.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['bin', 'data', 'etc', 'made-here']));
    const data = await ok<FileListing>('files:list', { owner: { kind: 'container', id: ctr }, path: '/data' });
    expect(data.via).toBe('archive');

    // Delete in the volume over SSH: a short-lived helper, gone afterwards.
    expect(await ok('files:delete', { owner, path: '/over-ssh.txt' })).toEqual({ deleted: '/over-ssh.txt' });
    expect((await ok<FileListing>('files:list', { owner, path: '/' })).entries).toEqual([]);
    expect(await docker('ps', '-a', '-q', '--filter', 'label=wharf.helper', '--filter', `volume=${vol}`)).toBe('');
  });
});
