import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImageArch, openImage, parseManifest, verifyFile } from './image';

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

export function fakeImage(
  dir: string,
  files = { vmlinuz: 'kernel', 'initrd.img': 'initrd', 'rootfs.img': 'root disk' },
): string {
  for (const [n, c] of Object.entries(files)) writeFileSync(join(dir, n), c);
  const e = (n: string, c: string): object => ({ name: n, size: Buffer.byteLength(c), sha256: sha(c) });
  const manifest = {
    format: 1,
    version: 'test-1',
    arch: 'x86_64',
    cmdline: 'console=ttyS0',
    files: {
      kernel: e('vmlinuz', files.vmlinuz),
      initrd: e('initrd.img', files['initrd.img']),
      rootfs: e('rootfs.img', files['rootfs.img']),
    },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('image manifest and verify', () => {
  it('opens a good image and hashes every file when asked', async () => {
    const dir = fakeImage(mkdtempSync(join(tmpdir(), 'wharf-img-')));
    const img = await openImage(dir, true);
    expect(img.manifest.version).toBe('test-1');
    expect(img.kernel).toBe(join(dir, 'vmlinuz'));
  });
  it('refuses a short file and a corrupt one, naming the file', async () => {
    const dir = fakeImage(mkdtempSync(join(tmpdir(), 'wharf-img-')));
    writeFileSync(join(dir, 'rootfs.img'), 'root dis');
    await expect(openImage(dir)).rejects.toMatchObject({
      code: 'IMAGE_SHORT',
      message: expect.stringContaining('rootfs.img'),
    });
    writeFileSync(join(dir, 'rootfs.img'), 'root diz');
    writeFileSync(join(dir, 'rootfs.img'), 'ROOT DISK');
    await expect(openImage(dir, true)).rejects.toMatchObject({ code: 'IMAGE_CHECKSUM' });
    await expect(openImage(dir, false)).resolves.toBeTruthy(); // size only: same length passes the quick check
  });
  it('refuses a manifest that is not JSON, has a bad hash or a path in a name', () => {
    expect(() => parseManifest('{')).toThrow(/not JSON/);
    const bad = {
      format: 1,
      version: 'v',
      arch: 'x86_64',
      cmdline: '',
      files: {
        kernel: { name: '../x', size: 1, sha256: 'a'.repeat(64) },
        initrd: { name: 'i', size: 1, sha256: 'zz' },
        rootfs: { name: 'r', size: 1, sha256: 'a'.repeat(64) },
      },
    };
    expect(() => parseManifest(JSON.stringify(bad))).toThrow(/files.kernel.name.*files.initrd.sha256/s);
  });
  it('a missing file is IMAGE_MISSING', async () => {
    await expect(verifyFile('/nonexistent/x', { name: 'x', size: 1, sha256: 'a'.repeat(64) })).rejects.toMatchObject({
      code: 'IMAGE_MISSING',
    });
  });
  it('refuses an image of another architecture with IMAGE_WRONG_ARCH', async () => {
    const dir = fakeImage(mkdtempSync(join(tmpdir(), 'wharf-img-')));
    await expect(openImage(dir, false, 'aarch64')).rejects.toMatchObject({
      code: 'IMAGE_WRONG_ARCH',
      message: expect.stringMatching(/for x86_64, this computer is aarch64/),
    });
    await expect(openImage(dir, false, 'x86_64')).resolves.toBeTruthy();
    const entry = (name: string): object => ({ name, size: 1, sha256: 'a'.repeat(64) });
    const m = parseManifest(
      JSON.stringify({
        format: 1,
        version: 'v',
        arch: 'aarch64',
        cmdline: '',
        files: { kernel: entry('k'), initrd: entry('i'), rootfs: entry('r') },
      }),
    );
    expect(() => checkImageArch(m, 'x86_64')).toThrow(expect.objectContaining({ code: 'IMAGE_WRONG_ARCH' }));
    expect(() => checkImageArch(m, null)).toThrow(/not supported/);
    expect(() => checkImageArch(m, 'aarch64')).not.toThrow();
  });
});
