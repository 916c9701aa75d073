// The packaging manifest and the fetch-by-checksum steps, against file:// URLs and a local HTTP
// server (nothing here reaches the internet).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGES } from '../../vm-backend/vm/image/default-image';
import { fetchImage, fetchQemu, fetchVerified, loadVmResources, type VmResources } from './vm-resources';

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'wharf-pack-'));

describe('packaging/vm-resources.json', () => {
  const r = loadVmResources();

  it('is valid, and names the same default image as the app downloads on a first start', () => {
    expect(r.image).toEqual(DEFAULT_IMAGES);
    for (const target of ['mac-arm64', 'mac-x64', 'win-x64']) expect(r.qemu.builds[target], target).toBeDefined();
  });

  it('refuses a manifest with a malformed checksum', () => {
    const bad = join(tmp(), 'm.json');
    const text = readFileSync(join(__dirname, '../../packaging/vm-resources.json'), 'utf8');
    writeFileSync(bad, text.replace(/"manifestSha256": "[0-9a-f]+"/, '"manifestSha256": "abc"'));
    expect(() => loadVmResources(bad)).toThrow(/image\.x86_64\.manifestSha256/);
  });
});

describe('fetchVerified', () => {
  it('keeps a file whose sha256 is the pinned one, and leaves nothing of one that is not', async () => {
    const dir = tmp();
    const src = join(dir, 'src.bin');
    writeFileSync(src, 'qemu bytes');
    await fetchVerified(pathToFileURL(src).href, sha('qemu bytes'), join(dir, 'out', 'ok.bin'));
    expect(readFileSync(join(dir, 'out', 'ok.bin'), 'utf8')).toBe('qemu bytes');
    await expect(fetchVerified(pathToFileURL(src).href, sha('other'), join(dir, 'out', 'bad.bin'))).rejects.toThrow(
      /sha256/,
    );
    await expect(fetchVerified(pathToFileURL(src).href, null, join(dir, 'out', 'unpinned.bin'))).rejects.toThrow(
      /no sha256 is pinned/,
    );
    expect(readdirSync(join(dir, 'out'))).toEqual(['ok.bin']);
  });
});

describe('fetchQemu', () => {
  it('unpacks a verified build into vendor/qemu/<target>/ and refuses a changed one', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'build', 'bin'), { recursive: true });
    writeFileSync(join(dir, 'build', 'bin', 'qemu-system-aarch64'), '#!/bin/sh\n');
    const archive = join(dir, 'qemu.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', join(dir, 'build'), 'bin']);
    const r = (sum: string): VmResources => ({
      format: 1,
      qemu: { version: '10.0.3', builds: { 'mac-arm64': { url: pathToFileURL(archive).href, sha256: sum } } },
      image: {},
    });
    const vendor = join(dir, 'vendor');
    const out = await fetchQemu(r(sha(readFileSync(archive))), 'mac-arm64', vendor);
    expect(existsSync(join(out, 'bin', 'qemu-system-aarch64'))).toBe(true);
    await expect(fetchQemu(r(sha('x')), 'mac-arm64', join(dir, 'v2'))).rejects.toThrow(/sha256/);
    expect(existsSync(join(dir, 'v2', 'qemu'))).toBe(false);
    await expect(fetchQemu(r(sha('x')), 'win-x64', vendor)).rejects.toThrow(/no QEMU build for win-x64/);
  });
});

describe('fetchImage', () => {
  it('downloads the pinned image from a local server into vendor/vm-image/<arch>/', async () => {
    const kernel = Buffer.from('k'.repeat(300));
    const initrd = Buffer.from('i'.repeat(200));
    const rootfs = Buffer.alloc(4096, 1);
    const entry = (name: string, b: Buffer) => ({ name, size: b.length, sha256: sha(b) });
    const manifest = JSON.stringify({
      format: 1,
      version: 'v-test',
      arch: 'x86_64',
      cmdline: 'console=ttyS0',
      files: {
        kernel: entry('vmlinuz', kernel),
        initrd: entry('initrd.img', initrd),
        rootfs: entry('rootfs.img', rootfs),
      },
    });
    const files: Record<string, Buffer | string> = {
      '/manifest.json': manifest,
      '/vmlinuz': kernel,
      '/initrd.img': initrd,
      '/rootfs.img': rootfs,
    };
    const server = createServer((req, res) => {
      const body = files[req.url ?? ''];
      if (body === undefined) res.writeHead(404).end();
      else res.end(body);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/manifest.json`;
      const r = (manifestSha256: string): VmResources => ({
        format: 1,
        qemu: { version: '1', builds: {} },
        image: { x86_64: { version: 'v-test', manifestUrl: url, manifestSha256 } },
      });
      const vendor = join(tmp(), 'vendor');
      const out = await fetchImage(r(sha(manifest)), 'x86_64', vendor);
      expect(out).toBe(join(vendor, 'vm-image', 'x86_64'));
      expect(readdirSync(out).sort()).toEqual(['initrd.img', 'manifest.json', 'rootfs.img', 'vmlinuz']);
      await expect(fetchImage(r(sha('not it')), 'x86_64', join(tmp(), 'v'))).rejects.toMatchObject({
        code: 'IMAGE_CHECKSUM',
      });
    } finally {
      server.close();
    }
  });
});
