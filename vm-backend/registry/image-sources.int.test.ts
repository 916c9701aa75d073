// Against the real docker-registry (open and basic-auth, scripts/setup/start-registry.sh): where an
// image a lesson needs can be pulled from. The fixtures are there as wharf/busybox:1 and :latest
// and wharf/private-httpd:1 (both registries serve one storage); Docker Hub cannot be reached from these machines, so
// its row is either "found" (online) or failed with a Hub code, never a crash or a hang.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageSources } from '../api/contract.search';
import { localConnectionFromEnv } from '../connection/local';
import { createBackend } from '../wiring/backend';
import type { Backend } from '../wiring/backend-types';
import { readRegistryState } from '../../scripts/setup/registry-state';

const root = resolve(__dirname, '../..');
execFileSync('bash', [join(root, 'scripts/setup/start-registry.sh')]);
const env = readRegistryState();
const OPEN = env.WHARF_REGISTRY;
const AUTH = env.WHARF_REGISTRY_AUTH;
let backend: Backend;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await backend.invoke(name, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}
const row = (r: ImageSources, source: string) => r.sources.find((s) => s.source === source);

beforeAll(async () => {
  process.env.WHARF_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'wharf-sources-'));
  backend = createBackend({ connection: localConnectionFromEnv() });
  await call('registries:add', { host: OPEN });
  await call('registries:add', { host: AUTH, username: env.WHARF_REGISTRY_USER, secret: env.WHARF_REGISTRY_PASSWORD });
});
afterAll(() => backend.close());

describe('search:image-sources against docker-registry', () => {
  it('finds busybox in both registries by its last name, and Hub answers or says it is unreachable', async () => {
    const t0 = Date.now();
    const r = await call<ImageSources>('search:image-sources', { image: 'busybox' });
    expect(r.image).toBe('busybox:latest');
    expect(row(r, OPEN)).toEqual({ source: OPEN, state: 'found', refs: [`${OPEN}/wharf/busybox:latest`] });
    const hub = row(r, 'hub');
    if (hub?.state !== 'found') expect(hub?.error?.code).toMatch(/^HUB_/);
    expect(Date.now() - t0).toBeLessThan(9000);
  });

  it('asks the auth registry with its saved sign-in; a tag no registry has is missing everywhere', async () => {
    const httpd = await call<ImageSources>('search:image-sources', { image: 'private-httpd:1' });
    expect(row(httpd, AUTH)).toEqual({ source: AUTH, state: 'found', refs: [`${AUTH}/wharf/private-httpd:1`] });
    // Both registries serve one storage (start-registry.sh): the open one has it too.
    expect(row(httpd, OPEN)?.refs).toEqual([`${OPEN}/wharf/private-httpd:1`]);
    const none = await call<ImageSources>('search:image-sources', { image: 'busybox:no-such-tag' });
    expect(row(none, OPEN)?.state).toBe('missing');
    expect(row(none, AUTH)?.state).toBe('missing');
  });

  it('a name with its registry in it asks only that one; a refused name is INVALID_REFERENCE', async () => {
    const r = await call<ImageSources>('search:image-sources', { image: `${OPEN}/wharf/busybox:1` });
    expect(r.sources).toEqual([{ source: OPEN, state: 'found', refs: [`${OPEN}/wharf/busybox:1`] }]);
    await expect(call('search:image-sources', { image: 'Busy Box' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call('search:image-sources', { image: 'BusyBox' })).rejects.toMatchObject({
      code: 'INVALID_REFERENCE',
    });
  });

  it('a registry that refuses the connection fills only its own row', async () => {
    await call('registries:add', { host: '127.0.0.1:1' });
    const r = await call<ImageSources>('search:image-sources', { image: 'busybox:1' });
    expect(row(r, '127.0.0.1:1')).toMatchObject({
      state: 'failed',
      error: { code: expect.stringMatching(/^REGISTRY_/) },
    });
    expect(row(r, OPEN)?.state).toBe('found');
    await call('registries:remove', { host: '127.0.0.1:1' });
  });
});
