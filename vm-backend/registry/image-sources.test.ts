import { describe, expect, it } from 'vitest';
import { WharfError } from '../api/errors';
import { findImageSources, type SourceDeps } from './image-sources';
import type { RegistryTarget } from './v2-client';

const offline = new WharfError({
  code: 'HUB_NO_NETWORK',
  message: 'Docker Hub is unreachable: no network.',
  hint: '',
  detail: 'ENOTFOUND',
});

/** Registries as data: host → repository → tags; a host in `down` fails every request. */
function deps(
  hub: Record<string, string[]> | 'offline',
  registries: Record<string, Record<string, string[]>>,
  o: { saved?: RegistryTarget[]; down?: string[]; noCatalog?: string[] } = {},
): SourceDeps & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    registries: async () => o.saved ?? Object.keys(registries).map((host) => ({ host })),
    catalog: async (t) => {
      if (o.noCatalog?.includes(t.host)) throw new Error('404 no catalog');
      return { repositories: Object.keys(registries[t.host] ?? {}) };
    },
    hasTag: async (t, repository, reference) => {
      asked.push(`${t.username ?? ''}@${t.host}/${repository}:${reference}`);
      if (o.down?.includes(t.host))
        throw new WharfError({ code: 'REGISTRY_TIMEOUT', message: 'slow', hint: '', detail: '' });
      return registries[t.host]?.[repository]?.includes(reference) ?? false;
    },
    hubHasTag: async (repository, tag) => {
      if (hub === 'offline') throw offline;
      return hub[repository]?.includes(tag) ?? false;
    },
  };
}

describe('findImageSources', () => {
  it('offline: Hub fails with its code, a registry has it under another folder by the same last name', async () => {
    const d = deps('offline', { 'r:5000': { 'learn/hello-world': ['latest'], 'wharf/busybox': ['1'] }, 'q:5000': {} });
    const r = await findImageSources('hello-world', d);
    expect(r.image).toBe('hello-world:latest');
    expect(r.sources).toEqual([
      { source: 'hub', state: 'failed', refs: [], error: expect.objectContaining({ code: 'HUB_NO_NETWORK' }) },
      { source: 'r:5000', state: 'found', refs: ['r:5000/learn/hello-world:latest'] },
      { source: 'q:5000', state: 'missing', refs: [] },
    ]);
  });

  it('online: Hub has it; the exact name is asked before the catalog, with and without library/', async () => {
    const d = deps({ 'library/redis': ['4.0'] }, { 'r:5000': { 'library/redis': ['4.0'], 'x/redis': ['4.0'] } });
    const r = await findImageSources('redis:4.0', d);
    expect(r.sources[0]).toEqual({ source: 'hub', state: 'found', refs: ['redis:4.0'] });
    expect(r.sources[1]).toEqual({ source: 'r:5000', state: 'found', refs: ['r:5000/library/redis:4.0'] });
    expect(d.asked).toEqual(['@r:5000/redis:4.0', '@r:5000/library/redis:4.0']);
  });

  it('a tag the registry lacks is missing, even when the repository is there', async () => {
    const r = await findImageSources('busybox:9', deps({}, { 'r:5000': { 'wharf/busybox': ['1', 'latest'] } }));
    expect(r.sources).toEqual([
      { source: 'hub', state: 'missing', refs: [] },
      { source: 'r:5000', state: 'missing', refs: [] },
    ]);
  });

  it('a registry that fails fills only its own row; one without a catalog is asked the exact names', async () => {
    const d = deps(
      'offline',
      { 'slow:1': { busybox: ['latest'] }, 'plain:2': { busybox: ['latest'] } },
      { down: ['slow:1'], noCatalog: ['plain:2'] },
    );
    const r = await findImageSources('busybox', d);
    expect(r.sources.find((s) => s.source === 'slow:1')).toMatchObject({
      state: 'failed',
      error: { code: 'REGISTRY_TIMEOUT' },
    });
    expect(r.sources.find((s) => s.source === 'plain:2')).toEqual({
      source: 'plain:2',
      state: 'found',
      refs: ['plain:2/busybox:latest'],
    });
  });

  it('a name with its registry asks only that registry, with its saved sign-in, and not Hub', async () => {
    const d = deps(
      {},
      { 'r:5000': { 'me/app': ['1'] } },
      { saved: [{ host: 'r:5000', username: 'me', secret: 's' }, { host: 'other:1' }] },
    );
    const r = await findImageSources('r:5000/me/app:1', d);
    expect(r.sources).toEqual([{ source: 'r:5000', state: 'found', refs: ['r:5000/me/app:1'] }]);
    expect(d.asked).toEqual(['me@r:5000/me/app:1']);
  });

  it('a digest is looked for by digest in registries; Hub (tags only) is not asked', async () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const r = await findImageSources(`busybox@${digest}`, deps({}, { 'r:5000': { busybox: [digest] } }));
    expect(r.sources).toEqual([{ source: 'r:5000', state: 'found', refs: [`r:5000/busybox@${digest}`] }]);
  });

  it('refuses a name Docker would refuse, as INVALID_REFERENCE with the reason', async () => {
    await expect(findImageSources('Hello-World', deps({}, {}))).rejects.toMatchObject({
      code: 'INVALID_REFERENCE',
      detail: 'uppercase',
    });
  });
});
