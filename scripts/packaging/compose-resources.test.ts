// The Docker Compose packaging manifest and its fetch-by-checksum step, against file:// URLs
// (nothing here reaches the internet), and electron-builder.yml copying it into the app.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ComposeResources, COMPOSE_MANIFEST, fetchCompose, loadComposeResources } from './compose-resources';
import { loadBuilderConfig } from './electron-builder-config';

const sha = (b: string): string => createHash('sha256').update(b).digest('hex');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'wharf-pack-compose-'));

describe('packaging/compose-resources.json', () => {
  it('is valid and has a build for every platform the app ships on', () => {
    const r = loadComposeResources();
    for (const t of ['mac-arm64', 'mac-x64', 'win-x64', 'linux-x64', 'linux-arm64']) {
      expect(r.builds[t]?.url, t).toContain(`/v${r.version}/`);
    }
  });

  it('refuses a manifest with a malformed checksum', () => {
    const bad = join(tmp(), 'c.json');
    const text = readFileSync(COMPOSE_MANIFEST, 'utf8');
    writeFileSync(bad, text.replace('"sha256": null', '"sha256": "abc"'));
    expect(() => loadComposeResources(bad)).toThrow(/builds\.mac-arm64\.sha256/);
  });

  it('is copied into <resources>/compose, where compose-find.ts looks first', () => {
    const config = loadBuilderConfig() as { extraResources?: { from: string; to: string }[] };
    expect(config.extraResources).toContainEqual({ from: 'vendor/compose/${os}-${arch}', to: 'compose' });
  });
});

describe('fetchCompose', () => {
  const manifest = (url: string, sha256: string | null): ComposeResources => ({
    format: 1,
    version: '2.29.7',
    builds: { 'linux-x64': { url, sha256 }, 'win-x64': { url, sha256 } },
  });

  it('keeps a binary whose sha256 is pinned, executable, named as the app looks for it', async () => {
    const dir = tmp();
    const src = join(dir, 'src');
    writeFileSync(src, '#!/bin/sh\necho Docker Compose version v2.29.7\n');
    const url = pathToFileURL(src).href;
    const ok = manifest(url, sha('#!/bin/sh\necho Docker Compose version v2.29.7\n'));
    const out = await fetchCompose(ok, 'linux-x64', join(dir, 'vendor'));
    expect(out).toBe(join(dir, 'vendor', 'compose', 'linux-x64', 'docker-compose'));
    expect(statSync(out).mode & 0o111).toBe(0o111);
    expect(await fetchCompose(ok, 'win-x64', join(dir, 'vendor'))).toMatch(/docker-compose\.exe$/);
  });

  it('refuses a wrong or unpinned checksum and leaves nothing behind', async () => {
    const dir = tmp();
    const src = join(dir, 'src');
    writeFileSync(src, 'not the pinned bytes');
    const url = pathToFileURL(src).href;
    await expect(fetchCompose(manifest(url, sha('other')), 'linux-x64', join(dir, 'v'))).rejects.toThrow(/sha256/);
    await expect(fetchCompose(manifest(url, null), 'linux-x64', join(dir, 'v'))).rejects.toThrow(/no sha256 is pinned/);
    expect(existsSync(join(dir, 'v', 'compose', 'linux-x64', 'docker-compose'))).toBe(false);
    await expect(fetchCompose(manifest(url, null), 'mac-x64', join(dir, 'v'))).rejects.toThrow(
      /no Docker Compose build/,
    );
  });
});
