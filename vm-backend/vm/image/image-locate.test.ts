import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGES } from './default-image';
import { bundledImageDir, findImageDir, imageDownloadSource } from './image-locate';

/** A fake resources folder and cache: `bundled` puts an image in the app, `cached` complete ones in the cache. */
function places(o: { bundled?: boolean; cached?: string[]; env?: NodeJS.ProcessEnv }) {
  const root = mkdtempSync(join(tmpdir(), 'wharf-img-'));
  const resources = join(root, 'resources');
  if (o.bundled) {
    mkdirSync(bundledImageDir(resources, 'x86_64'), { recursive: true });
    writeFileSync(join(bundledImageDir(resources, 'x86_64'), 'manifest.json'), '{}');
  }
  const cache = join(root, 'cache');
  (o.cached ?? []).forEach((v, i) => {
    mkdirSync(join(cache, 'vm-images', v), { recursive: true });
    const done = join(cache, 'vm-images', v, '.complete');
    writeFileSync(done, '');
    utimesSync(done, 1000 + i, 1000 + i);
  });
  return { resources, cache, env: { WHARF_CACHE_DIR: cache, ...o.env } };
}

describe('findImageDir', () => {
  it("takes the image inside the app first, before the cache's", () => {
    const p = places({ bundled: true, cached: ['v1'] });
    expect(findImageDir({ env: p.env, resourcesPath: p.resources, arch: 'x86_64' })).toBe(
      join(p.resources, 'vm-image', 'x86_64'),
    );
  });

  it("takes the newest complete cached image when the app carries none (or it is another arch's)", () => {
    const p = places({ bundled: true, cached: ['v1', 'v2'] });
    mkdirSync(join(p.cache, 'vm-images', 'v3-half')); // no .complete: a download cut short
    expect(findImageDir({ env: p.env, resourcesPath: p.resources, arch: 'aarch64' })).toBe(
      join(p.cache, 'vm-images', 'v2'),
    );
    expect(findImageDir({ env: p.env, arch: 'x86_64' })).toBe(join(p.cache, 'vm-images', 'v2'));
  });

  it('lets WHARF_VM_IMAGE win', () => {
    const p = places({ bundled: true, env: { WHARF_VM_IMAGE: '/my/image' } });
    expect(findImageDir({ env: p.env, resourcesPath: p.resources, arch: 'x86_64' })).toBe('/my/image');
  });

  it('is IMAGE_MISSING, naming where it looked, when there is no image anywhere', () => {
    const p = places({});
    expect(() => findImageDir({ env: p.env, resourcesPath: p.resources, arch: 'x86_64' })).toThrow(
      expect.objectContaining({
        code: 'IMAGE_MISSING',
        message: expect.stringContaining(join(p.resources, 'vm-image', 'x86_64')),
      }),
    );
  });
});

describe('imageDownloadSource', () => {
  it("is the default address with its manifest's sha256 on a first start", () => {
    const d = DEFAULT_IMAGES.x86_64;
    expect(d?.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d?.manifestUrl).toMatch(/^https:\/\/.+\/manifest\.json$/);
    expect(imageDownloadSource({ env: {}, arch: 'x86_64' })).toEqual({
      manifestUrl: d?.manifestUrl,
      manifestSha256: d?.manifestSha256,
    });
  });

  it('takes WHARF_VM_IMAGE_URL instead, and downloads nothing with WHARF_VM_IMAGE', () => {
    expect(imageDownloadSource({ env: { WHARF_VM_IMAGE_URL: 'http://x/m.json' }, arch: 'x86_64' })).toEqual({
      manifestUrl: 'http://x/m.json',
    });
    expect(
      imageDownloadSource({ env: { WHARF_VM_IMAGE: '/i', WHARF_VM_IMAGE_URL: 'http://x/' }, arch: 'x86_64' }),
    ).toBe(null);
    // No published image for a processor: nothing to download (the hint says what to do).
    expect(imageDownloadSource({ env: {}, arch: null })).toBe(null);
  });
});
