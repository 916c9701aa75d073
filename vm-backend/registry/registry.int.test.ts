// Against the real docker-registry (scripts/setup/start-registry.sh) and the real dockerd:
// catalog search with and without basic auth, Hub offline, tags, pulls with layers, the pulled
// image listed through events, a missing tag explained, cancel stopping a held pull.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullProgress } from '../api/contract.pull';
import type { SearchGroup } from '../api/contract.search';
import { createBackend } from '../wiring/backend';
import type { Backend } from '../wiring/backend-types';
import { localConnectionFromEnv } from '../connection/local';
import { docker, recordingClient } from '../engine/test-client';
import { startSlowRegistry } from './testing/slow-registry';
import { readRegistryState } from '../../scripts/setup/registry-state';

const root = resolve(__dirname, '../..');
execFileSync('bash', [join(root, 'scripts/setup/start-registry.sh')]);
const env = readRegistryState();
const OPEN = env.WHARF_REGISTRY!;
const AUTH = env.WHARF_REGISTRY_AUTH!;
let backend: Backend;
const client = recordingClient();

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await backend.invoke(name, input, client);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}
const progressOf = (pull: string): PullProgress[] =>
  client.events
    .filter((e) => e.event === 'pull:progress' && (e.payload as PullProgress).pull === pull)
    .map((e) => e.payload as PullProgress);
const last = (pull: string): PullProgress | undefined => progressOf(pull).at(-1);
/** Every tag of the layered test image, so its layers really leave the engine. */
async function removeLayers(): Promise<void> {
  const tags = (await docker('images', '--format', '{{.Repository}}:{{.Tag}}'))
    .split('\n')
    .filter((t) => t.includes('/wharf/layers:'));
  if (tags.length) await docker('rmi', ...tags).catch(() => '');
}
const ended = (pull: string) => () => ['done', 'failed', 'cancelled'].includes(last(pull)?.state ?? '');

beforeAll(async () => {
  process.env.WHARF_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'wharf-reg-'));
  backend = createBackend({ connection: localConnectionFromEnv() });
  for (
    let i = 0;
    i < 100 &&
    !((await backend.invoke('engine:status', {})) as { value?: { state?: string } }).value?.state?.startsWith('ready');
    i++
  )
    await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  await backend.close();
  await removeLayers();
  await docker('rmi', `${AUTH}/wharf/private-httpd:1`).catch(() => '');
});

describe('registries against docker-registry', () => {
  it('stores registries in a 0600 file and never sends the secret back', async () => {
    await call('registries:add', { host: OPEN });
    const info = await call('registries:add', {
      host: AUTH,
      username: env.WHARF_REGISTRY_USER,
      secret: env.WHARF_REGISTRY_PASSWORD,
    });
    expect(info).toEqual({ host: AUTH, username: 'wharf', hasSecret: true });
    const file = join(process.env.WHARF_CONFIG_DIR!, 'registries.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(await call('registries:list', {}))).not.toContain(env.WHARF_REGISTRY_PASSWORD);
    expect(await call('registries:test', { host: AUTH, username: 'wharf' })).toMatchObject({ catalog: true });
    await expect(call('registries:test', { host: AUTH, username: 'wharf', secret: 'wrong' })).rejects.toMatchObject({
      code: 'REGISTRY_AUTH',
    });
  });
  it('searches the catalog of both, and Hub says it is unreachable (offline)', async () => {
    const open = await call<SearchGroup>('search:source', { source: OPEN, term: 'busy' });
    expect(open.results).toContainEqual({ name: `${OPEN}/wharf/busybox`, repository: 'wharf/busybox' });
    const auth = await call<SearchGroup>('search:source', { source: AUTH, term: 'private' });
    expect(auth.results.map((r) => r.repository)).toEqual(['wharf/private-httpd']);
    expect((await call<SearchGroup>('search:source', { source: OPEN, term: '../\u0000<script>' })).results).toEqual([]);
    await expect(call('search:source', { source: 'hub', term: 'redis' })).rejects.toMatchObject({
      code: 'HUB_NO_NETWORK',
    });
    const tags = await call<{ tags: { name: string }[] }>('search:tags', { source: OPEN, repository: 'wharf/busybox' });
    expect(tags.tags.map((t) => t.name).sort()).toEqual(['1', 'latest']);
  });
  it('pulls with layer progress; the image appears in the list by itself', async () => {
    await removeLayers();
    const images: string[] = [];
    const off = backend.on('images:changed', (c) => images.push(JSON.stringify(c)));
    const start = await call<PullProgress>('pull:start', { ref: `${OPEN}/wharf/layers:1` });
    await client.waitFor(ended(start.pull), 30_000);
    const end = last(start.pull)!;
    expect(end).toMatchObject({ state: 'done', result: 'downloaded', fraction: 1 });
    expect(end.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(end.layers.length).toBeGreaterThanOrEqual(2);
    expect(end.bytesTotal).toBeGreaterThan(5_000_000);
    await client.waitFor(() => images.some((i) => i.includes(`${OPEN}/wharf/layers:1`)), 10_000);
    off();
    const again = await call<PullProgress>('pull:start', { ref: `${OPEN}/wharf/layers:1` });
    await client.waitFor(ended(again.pull), 30_000);
    expect(last(again.pull)).toMatchObject({ state: 'done', result: 'up-to-date' });
  });
  it('a missing tag, a private repo without credentials and a bad name are explained', async () => {
    const missing = await call<PullProgress>('pull:start', { ref: `${OPEN}/wharf/busybox:nope` });
    await client.waitFor(ended(missing.pull), 15_000);
    expect(last(missing.pull)).toMatchObject({ state: 'failed', error: { code: 'MANIFEST_UNKNOWN' } });
    await call('registries:remove', { host: AUTH });
    const denied = await call<PullProgress>('pull:start', { ref: `${AUTH}/wharf/private-httpd:1` });
    await client.waitFor(ended(denied.pull), 15_000);
    expect(last(denied.pull)?.error?.code).toBe('PULL_ACCESS_DENIED');
    await expect(call('pull:start', { ref: 'My Image' })).rejects.toMatchObject({ code: 'INVALID_REFERENCE' });
  });
  it('pulls from the basic-auth registry with stored credentials', async () => {
    await call('registries:add', {
      host: AUTH,
      username: env.WHARF_REGISTRY_USER,
      secret: env.WHARF_REGISTRY_PASSWORD,
    });
    const p = await call<PullProgress>('pull:start', { ref: `${AUTH}/wharf/private-httpd:1` });
    await client.waitFor(ended(p.pull), 30_000);
    expect(last(p.pull)?.state).toBe('done');
  });
  it('cancel aborts the request and the engine stops the pull', async () => {
    await removeLayers();
    const slow = await startSlowRegistry(OPEN);
    try {
      const ref = `${slow.host}/wharf/layers:1`;
      const p = await call<PullProgress>('pull:start', { ref });
      await client.waitFor(() => slow.held() > 0, 15_000);
      await call('pull:cancel', { pull: p.pull });
      await client.waitFor(ended(p.pull), 10_000);
      expect(last(p.pull)?.state).toBe('cancelled');
      await client.waitFor(() => slow.held() === 0, 10_000);
      await expect(docker('image', 'inspect', ref)).rejects.toThrow();
      await expect(call('pull:cancel', { pull: p.pull })).rejects.toMatchObject({ code: 'PULL_NOT_FOUND' });
    } finally {
      await slow.close();
      await removeLayers();
    }
  });
});
