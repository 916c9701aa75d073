import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadImage } from './image-download';
import { hostArch } from '../guest-arch';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const kernel = Buffer.from('kernel bytes '.repeat(100));
const initrd = Buffer.from('initrd bytes '.repeat(100));
const rootfs = Buffer.alloc(1 << 20, 7);
const gz = gzipSync(rootfs);
const entry = (name: string, b: Buffer): object => ({ name, size: b.length, sha256: sha(b) });
const manifest = (version: string, over: Record<string, unknown> = {}): string =>
  JSON.stringify({
    format: 1,
    version,
    arch: 'x86_64',
    cmdline: 'console=ttyS0',
    files: {
      kernel: entry('vmlinuz', kernel),
      initrd: entry('initrd.img', initrd),
      rootfs: { ...entry('rootfs.img', rootfs), compressed: { ...entry('rootfs.img.gz', gz), encoding: 'gzip' } },
      ...over,
    },
  });

/** Serves /<case>/<file>: good files, or one file corrupted, cut short or grown. */
let server: Server;
let base = '';
const requested: string[] = [];
const otherArch = hostArch() === 'aarch64' ? 'x86_64' : 'aarch64';
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, mode = '', file = ''] = (req.url ?? '').split('/');
    requested.push(req.url ?? '');
    if (mode === 'otherarch' && file === 'manifest.json')
      return res.end(JSON.stringify({ ...JSON.parse(manifest('v-otherarch')), arch: otherArch }));
    const files: Record<string, Buffer> = { vmlinuz: kernel, 'initrd.img': initrd, 'rootfs.img.gz': gz };
    if (file === 'manifest.json') return res.end(manifest(`v-${mode}`));
    let body = files[file];
    if (!body) return res.writeHead(404).end();
    if (mode === 'corrupt' && file === 'initrd.img') body = Buffer.from(body.toString().replace('initrd', 'INITRD'));
    if (mode === 'long' && file === 'vmlinuz') body = Buffer.concat([body, Buffer.from('extra')]);
    if (mode === 'short' && file === 'rootfs.img.gz') {
      // Promise the full length, send half, then drop the connection.
      res.writeHead(200, { 'content-length': String(body.length) });
      res.write(body.subarray(0, body.length >> 1));
      return void setTimeout(() => res.destroy(), 20);
    }
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('image download (local HTTP server)', () => {
  it('downloads, verifies, unpacks the root disk and caches it', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'wharf-dl-'));
    const seen: string[] = [];
    const img = await downloadImage({
      manifestUrl: `${base}/good/manifest.json`,
      cacheDir: cache,
      onProgress: (p) => seen.push(p.file),
    });
    expect(img.manifest.version).toBe('v-good');
    expect(readdirSync(img.dir).sort()).toEqual(['.complete', 'initrd.img', 'manifest.json', 'rootfs.img', 'vmlinuz']);
    expect(new Set(seen)).toEqual(new Set(['vmlinuz', 'initrd.img', 'rootfs.img.gz']));
    // Second time: from the cache, no download.
    const again = await downloadImage({
      manifestUrl: `${base}/good/manifest.json`,
      cacheDir: cache,
      fetchImpl: (async (u: string) =>
        String(u).endsWith('manifest.json') ? fetch(u) : Promise.reject(new Error('downloaded again'))) as typeof fetch,
    });
    expect(again.dir).toBe(img.dir);
  });

  for (const [mode, code] of [
    ['corrupt', 'IMAGE_CHECKSUM'],
    ['short', 'IMAGE_'],
    ['long', 'IMAGE_CHECKSUM'],
  ] as const) {
    it(`refuses a ${mode} file and removes it`, async () => {
      const cache = mkdtempSync(join(tmpdir(), 'wharf-dl-'));
      await expect(
        downloadImage({ manifestUrl: `${base}/${mode}/manifest.json`, cacheDir: cache }),
      ).rejects.toMatchObject({ code: expect.stringContaining(code) });
      const dir = join(cache, `v-${mode}`);
      const left = readdirSync(dir);
      expect(left.filter((f) => f.endsWith('.part') || f === '.complete' || f === 'manifest.json')).toEqual([]);
      expect(
        existsSync(join(dir, mode === 'corrupt' ? 'initrd.img' : mode === 'long' ? 'vmlinuz' : 'rootfs.img')),
      ).toBe(false);
    });
  }

  it('refuses an image for another architecture before downloading any of it', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'wharf-dl-'));
    await expect(
      downloadImage({ manifestUrl: `${base}/otherarch/manifest.json`, cacheDir: cache }),
    ).rejects.toMatchObject({ code: 'IMAGE_WRONG_ARCH', message: expect.stringContaining(otherArch) });
    expect(requested.filter((u) => u.startsWith('/otherarch/'))).toEqual(['/otherarch/manifest.json']);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('refuses a manifest whose sha256 is not the pinned one, before fetching any file', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'wharf-dl-'));
    const pinned = sha(Buffer.from(manifest('v-pinned')));
    await expect(
      downloadImage({ manifestUrl: `${base}/pinned/manifest.json`, manifestSha256: pinned, cacheDir: cache }),
    ).resolves.toMatchObject({ manifest: { version: 'v-pinned' } });
    await expect(
      downloadImage({ manifestUrl: `${base}/other/manifest.json`, manifestSha256: pinned, cacheDir: cache }),
    ).rejects.toMatchObject({ code: 'IMAGE_CHECKSUM', message: expect.stringContaining('manifest') });
    expect(requested.filter((u) => u.startsWith('/other/'))).toEqual(['/other/manifest.json']);
  });

  it('says so when the server is not there or the manifest is bad', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'wharf-dl-'));
    await expect(
      downloadImage({ manifestUrl: 'http://127.0.0.1:1/manifest.json', cacheDir: cache }),
    ).rejects.toMatchObject({ code: 'IMAGE_DOWNLOAD' });
    await expect(downloadImage({ manifestUrl: `${base}/good/vmlinuz`, cacheDir: cache })).rejects.toMatchObject({
      code: 'IMAGE_MANIFEST',
    });
  });
});
