// Against the real dockerd, through the backend and web mode's HTTP server: list a folder of a
// running and of a stopped container, and of a volume (the helper container is gone afterwards);
// stat; download a file (same bytes) and a folder (.tar); upload, then `docker exec cat`; diff;
// delete; bad paths refused. Containers and volumes made here are labelled wharf.test=1.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import Dockerode from 'dockerode';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileChange, FileEntry, FileListing } from '../../api/contract.files';
import type { EngineStatus, WharfErrorShape } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { localConnectionFromEnv } from '../../connection/local';
import { startWebServer, type WebServer } from '../../server/web-server';
import { until } from '../../testing/until';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { docker, runWithVolume, uniqueName } from '../test-client';
import { listByArchive } from './file-list';
import { resolveLink } from '../../api/rules/file-paths';

let backend: Backend;
let web: WebServer;
const running = uniqueName('wfiles-run');
const stopped = uniqueName('wfiles-stop');
const vol = uniqueName('wfiles-vol');

async function ok<T>(name: string, input: unknown): Promise<T> {
  const e = (await backend.invoke(name, input)) as Envelope<T>;
  if (!e.ok) throw new Error(`${name}: ${JSON.stringify(e.error)}`);
  return e.value;
}
async function fails(name: string, input: unknown): Promise<WharfErrorShape> {
  const e = await backend.invoke(name, input);
  if (e.ok) throw new Error(`${name} should have failed`);
  return e.error;
}
const base = (): string => `http://127.0.0.1:${web.port}`;
const host = { Host: '' };
const helpers = async (): Promise<string> =>
  docker('ps', '-a', '--filter', 'label=wharf.helper', '--filter', `volume=${vol}`, '-q');

beforeAll(async () => {
  backend = createBackend({ connection: localConnectionFromEnv() });
  web = await startWebServer({ backend, token: 't'.repeat(32), port: 0, staticDir: '/nonexistent' });
  host.Host = `127.0.0.1:${web.port}`;
  await until(async () => ((await ok<EngineStatus>('engine:status', {})).state === 'ready' ? true : undefined));
  await docker('volume', 'create', '--label', 'wharf.test=1', vol);
  await runWithVolume(
    running,
    vol,
    'sh',
    '-c',
    'mkdir -p /many /d/sub && i=0; while [ $i -lt 300 ]; do : > /many/f$i; i=$((i+1)); done; echo hi > /d/sub/x; printf "a\\nb" > "/d/new\nline"; ln -s /etc/hostname /d/link; echo vol > /data/in-volume.txt; sleep 600',
  );
  await until(
    async () => ((await docker('exec', running, 'ls', '/data')).includes('in-volume.txt') ? true : undefined),
    10_000,
  );
  await docker('create', '--name', stopped, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1', 'true');
  // Wharf's image list (the helper's image) is read when the engine is ready: it is.
});
afterAll(async () => {
  await docker('rm', '-f', running, stopped).catch(() => '');
  await docker('volume', 'rm', '-f', vol).catch(() => '');
  await web.close();
  await backend.close();
});

describe('files of a container', () => {
  it('lists one folder of a running container by exec, names with line breaks and link targets kept', async () => {
    const l = await ok<FileListing>('files:list', { owner: { kind: 'container', id: running }, path: '/d' });
    expect(l.via).toBe('exec');
    const byName = new Map(l.entries.map((e) => [e.name, e]));
    expect([...byName.keys()].sort()).toEqual(['link', 'new\nline', 'sub']);
    expect(byName.get('sub')?.kind).toBe('dir');
    expect(byName.get('new\nline')).toMatchObject({ kind: 'file', size: 3 });
    expect(byName.get('link')).toMatchObject({ kind: 'link', linkTarget: '/etc/hostname' });
    const many = await ok<FileListing>('files:list', { owner: { kind: 'container', id: running }, path: '/many/' });
    expect(many.entries).toHaveLength(300);
  });

  it('lists a stopped container one level only (from its image and docker diff)', async () => {
    const l = await ok<FileListing>('files:list', { owner: { kind: 'container', id: stopped }, path: '/' });
    expect(l.via).toBe('image');
    const names = l.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['bin', 'etc']));
    expect(names.some((n) => n.includes('/'))).toBe(false);
    const etc = await ok<FileListing>('files:list', { owner: { kind: 'container', id: stopped }, path: '/etc' });
    expect(etc.entries.find((e) => e.name === 'passwd')?.kind).toBe('file');
  });

  it("lists a stopped container's folders as its archive has them: image + diff, mounts, engine paths", async () => {
    const changed = uniqueName('wfiles-changed');
    await docker(
      'run',
      '--name',
      changed,
      '--label',
      'wharf.test=1',
      '-v',
      `${vol}:/data`,
      'wharf-fixture/busybox:1',
      'sh',
      '-c',
      'mkdir -p /d/sub && echo hi > /d/a && ln -s /d/a /d/link && rm -rf /tmp && echo x > /etc/new && rm /etc/passwd && chmod 700 /root && echo z > /root/z && touch -d 2001-01-01 /etc/group',
    );
    try {
      const engine = new Dockerode();
      const id = (await docker('inspect', '-f', '{{.Id}}', changed)).trim();
      // Link targets: HEAD gives them resolved (/bin/busybox), the tar as written (busybox).
      const shape = (entries: FileEntry[], dir: string) =>
        entries
          .map((e) => ({
            name: e.name,
            kind: e.kind,
            size: e.kind === 'file' ? e.size : 0,
            mode: e.mode,
            mtime: Math.floor(e.mtime / 1000),
            link: e.linkTarget ? resolveLink(dir, e.linkTarget) : '',
          }))
          .sort((a, b) => a.name.localeCompare(b.name));
      for (const [dir, via] of [
        ['/', 'image'],
        ['/etc', 'image'],
        ['/d', 'image'],
        ['/root', 'image'],
        ['/bin', 'image'],
        ['/data', 'archive'],
        ['/dev', 'archive'],
      ] as const) {
        const l = await ok<FileListing>('files:list', { owner: { kind: 'container', id: changed }, path: dir });
        expect(l.via, dir).toBe(via);
        expect(shape(l.entries, dir), dir).toEqual(shape(await listByArchive(engine, id, dir), dir));
      }
      // A second listing of the same image folder reuses the image's listing: no helper started.
      const t0 = Date.now();
      await ok<FileListing>('files:list', { owner: { kind: 'container', id: changed }, path: '/' });
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(
        await docker(
          'ps',
          '-a',
          '-q',
          '--filter',
          'label=wharf.helper',
          '--filter',
          `ancestor=wharf-fixture/busybox:1`,
          '--filter',
          'status=running',
        ),
      ).toBe('');
    } finally {
      await docker('rm', '-f', changed).catch(() => '');
    }
  });

  it('stats a path and says FILE_NOT_FOUND / INVALID_INPUT for bad ones', async () => {
    const s = await ok<FileEntry>('files:stat', { owner: { kind: 'container', id: running }, path: '/d/sub/x' });
    expect(s).toMatchObject({ name: 'x', kind: 'file', size: 3 });
    expect((await fails('files:stat', { owner: { kind: 'container', id: running }, path: '/nope' })).code).toBe(
      'FILE_NOT_FOUND',
    );
    for (const path of ['/d/../etc', 'relative', '/a\nb', '/x\0y'])
      expect((await fails('files:list', { owner: { kind: 'container', id: running }, path })).code).toBe(
        'INVALID_INPUT',
      );
  });

  it('downloads a file with the same bytes, and a folder as a tar', async () => {
    const want = await docker('exec', running, 'sha256sum', '/bin/busybox');
    const t = await ok<{ url: string }>('files:download-ticket', {
      owner: { kind: 'container', id: running },
      path: '/bin/busybox',
    });
    const r = await fetch(base() + t.url);
    expect(r.status).toBe(200);
    const got = createHash('sha256')
      .update(Buffer.from(await r.arrayBuffer()))
      .digest('hex');
    expect(want.startsWith(got)).toBe(true);
    // A link downloads what it points at.
    const l = await ok<{ url: string }>('files:download-ticket', {
      owner: { kind: 'container', id: running },
      path: '/d/link',
    });
    expect(await (await fetch(base() + l.url)).text()).toBe(
      await docker('exec', running, 'cat', '/etc/hostname').then((h) => `${h}\n`),
    );
    // The ticket works once.
    expect((await fetch(base() + t.url)).status).toBe(410);

    const d = await ok<{ url: string }>('files:download-ticket', {
      owner: { kind: 'container', id: running },
      path: '/d',
    });
    const tar = Buffer.from(await (await fetch(base() + d.url)).arrayBuffer());
    const names: string[] = [];
    const ex = extract();
    ex.on('entry', (h, body, next) => {
      names.push(h.name);
      body.on('end', next);
      body.resume();
    });
    await new Promise<void>((res) => {
      ex.on('finish', () => res());
      Readable.from([tar]).pipe(ex);
    });
    expect(names).toEqual(expect.arrayContaining(['d/', 'd/sub/x', 'd/link']));
  });

  it('uploads a file that docker exec cat reads back, and refuses a bad name', async () => {
    const t = await ok<{ url: string }>('files:upload-ticket', {
      owner: { kind: 'container', id: running },
      dir: '/d',
    });
    const body = 'uploaded by wharf\n';
    const r = await fetch(`${base()}${t.url}&name=${encodeURIComponent('hello 안녕.txt')}`, { method: 'PUT', body });
    expect(r.status).toBe(200);
    expect(await docker('exec', running, 'cat', '/d/hello 안녕.txt')).toBe(body.trim());
    const bad = await ok<{ url: string }>('files:upload-ticket', {
      owner: { kind: 'container', id: running },
      dir: '/d',
    });
    const r2 = await fetch(`${base()}${bad.url}&name=${encodeURIComponent('../escape')}`, { method: 'PUT', body });
    expect(r2.status).toBe(400);
    expect(((await r2.json()) as { error: WharfErrorShape }).error.code).toBe('FILE_PATH_INVALID');
    expect(await docker('exec', running, 'ls', '/')).not.toContain('escape');
  });

  it('shows docker diff and deletes a file in a running container', async () => {
    const changes = await ok<FileChange[]>('files:diff', { id: running });
    expect(changes).toEqual(expect.arrayContaining([{ path: '/d', kind: 'added' }]));
    expect(await ok('files:delete', { owner: { kind: 'container', id: running }, path: '/d/sub/x' })).toEqual({
      deleted: '/d/sub/x',
    });
    expect(await docker('exec', running, 'ls', '/d/sub')).toBe('');
  });
});

describe('bad input and things going away', () => {
  it('refuses a 20 GB upload before a byte reaches the engine', async () => {
    const t = await ok<{ url: string }>('files:upload-ticket', {
      owner: { kind: 'container', id: running },
      dir: '/d',
    });
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${base()}${t.url}&name=huge.bin`,
        { method: 'PUT', headers: { 'Content-Length': String(20 * 1024 ** 3) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
    await expect(docker('exec', running, 'ls', '/d/huge.bin')).rejects.toThrow();
  });

  it('a container removed mid-copy: the download is whole and right, or it fails; never short and "done"', async () => {
    const victim = uniqueName('wfiles-victim');
    await docker(
      'run',
      '-d',
      '--name',
      victim,
      '--label',
      'wharf.test=1',
      'wharf-fixture/busybox:1',
      'sh',
      '-c',
      'head -c 104857600 /dev/urandom > /big && touch /ready && sleep 600',
    );
    try {
      await until(
        async () => ((await docker('exec', victim, 'ls', '/').catch(() => '')).includes('ready') ? true : undefined),
        20_000,
      );
      const want = (await docker('exec', victim, 'sha256sum', '/big')).split(' ')[0];
      const t = await ok<{ url: string }>('files:download-ticket', {
        owner: { kind: 'container', id: victim },
        path: '/big',
      });
      const res = await fetch(base() + t.url);
      // The length is announced, so a receiver can tell a cut stream from a whole one.
      expect(res.headers.get('content-length')).toBe('104857600');
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const hash = createHash('sha256');
      let got = 0;
      const first = await reader.read();
      if (first.value) {
        hash.update(first.value);
        got += first.value.length;
      }
      // dockerd 20.10 lets the copy finish before it removes the container; others may cut it.
      const removed = docker('rm', '-f', victim);
      const outcome = await (async () => {
        for (;;) {
          const r = await reader.read();
          if (r.done) return 'ended';
          hash.update(r.value);
          got += r.value.length;
        }
      })().catch(() => 'failed');
      await removed;
      if (outcome === 'ended') {
        expect(got).toBe(104857600);
        expect(hash.digest('hex')).toBe(want);
      } else expect(outcome).toBe('failed');
    } finally {
      await docker('rm', '-f', victim).catch(() => '');
    }
  });
});

describe('files of a volume', () => {
  it('lists, downloads and uploads through a helper that is never started and then removed', async () => {
    const owner = { kind: 'volume', name: vol };
    const l = await ok<FileListing>('files:list', { owner, path: '/' });
    expect(l.entries.map((e) => e.name)).toEqual(['in-volume.txt']);
    const t = await ok<{ url: string }>('files:download-ticket', { owner, path: '/in-volume.txt' });
    expect(await (await fetch(base() + t.url)).text()).toBe('vol\n');
    const u = await ok<{ url: string }>('files:upload-ticket', { owner, dir: '/' });
    expect((await fetch(`${base()}${u.url}&name=up.txt`, { method: 'PUT', body: 'up' })).status).toBe(200);
    expect(await docker('exec', running, 'cat', '/data/up.txt')).toBe('up');
    expect(await helpers()).toBe('');
  });

  it('deletes a confirmed path in a volume through a short-lived helper, never outside the volume', async () => {
    const owner = { kind: 'volume', name: vol };
    await docker(
      'exec',
      running,
      'sh',
      '-c',
      'mkdir -p /data/gone/deep && echo x > /data/gone/deep/x && echo k > /data/keep.txt && ln -s /etc /data/out && ln -s /data/keep.txt /data/keep-link',
    );
    expect(await ok('files:delete', { owner, path: '/gone' })).toEqual({ deleted: '/gone' });
    // A link is removed itself, never what it points at.
    expect(await ok('files:delete', { owner, path: '/keep-link' })).toEqual({ deleted: '/keep-link' });
    const left = (await docker('exec', running, 'ls', '-A', '/data')).split('\n').sort();
    expect(left).toEqual(expect.arrayContaining(['in-volume.txt', 'keep.txt', 'out']));
    expect(left).not.toContain('gone');
    expect(left).not.toContain('keep-link');
    // A folder that is a link leading out of the volume: refused, nothing removed.
    expect((await fails('files:delete', { owner, path: '/out/hostname' })).code).toBe('FILE_PATH_INVALID');
    expect((await fails('files:delete', { owner, path: '/nothing-here' })).code).toBe('FILE_NOT_FOUND');
    expect((await fails('files:delete', { owner, path: '/' })).code).toBe('FILE_PERMISSION');
    expect((await fails('files:delete', { owner, path: '/a/../..' })).code).toBe('INVALID_INPUT');
    expect(await docker('exec', running, 'cat', '/data/keep.txt')).toBe('k');
    // The helpers (and any anonymous volume of their image) are gone.
    expect(await helpers()).toBe('');
  });

  it('says VOLUME_NOT_FOUND for a volume that is gone, and makes none', async () => {
    const gone = uniqueName('wfiles-gone');
    expect((await fails('files:list', { owner: { kind: 'volume', name: gone }, path: '/' })).code).toBe(
      'VOLUME_NOT_FOUND',
    );
    expect(await docker('volume', 'ls', '-q', '--filter', `name=${gone}`)).toBe('');
  });
});
