import { describe, expect, it } from 'vitest';
import type { ContainerRow, ImageRow } from '../../../vm-backend/api/types';
import { splitRef, toImageItems, totalSize } from './image-items';

const img = (hex: string, repoTags: string[], over: Partial<ImageRow> = {}): ImageRow => ({
  id: `sha256:${hex.padEnd(64, '0')}`,
  repoTags,
  repoDigests: [],
  size: 100,
  created: 0,
  ...over,
});
const ctr = (name: string, imageId: string): ContainerRow => ({
  id: name.padEnd(64, 'f'),
  name,
  image: 'x',
  imageId,
  command: '',
  state: 'exited',
  status: '',
  statusAt: 0,
  created: 0,
  ports: [],
});

describe('splitRef', () => {
  it('splits at the last colon after the last slash', () => {
    expect(splitRef('busybox:1.36')).toEqual(['busybox', '1.36']);
    expect(splitRef('host:5000/a/b:tag')).toEqual(['host:5000/a/b', 'tag']);
    expect(splitRef('ghcr.io/org/app:v1.2.3-rc.1')).toEqual(['ghcr.io/org/app', 'v1.2.3-rc.1']);
  });
  it('treats a registry port as part of the repository, not a tag', () => {
    expect(splitRef('host:5000/a/b')).toEqual(['host:5000/a/b', 'latest']);
    expect(splitRef('busybox')).toEqual(['busybox', 'latest']);
  });
});

describe('toImageItems', () => {
  it('makes one item per tag, sharing the image', () => {
    const i = img('aa', ['web:1', 'web:latest', 'registry:5000/team/web:1']);
    const items = toImageItems([i], [], '');
    expect(items.map((x) => `${x.repository} ${x.tag} ${x.ref}`)).toEqual([
      'registry:5000/team/web 1 registry:5000/team/web:1',
      'web 1 web:1',
      'web latest web:latest',
    ]);
    for (const x of items) {
      expect(x.image).toBe(i);
      expect(x.dangling).toBe(false);
    }
    expect(new Set(items.map((x) => x.key)).size).toBe(3);
  });
  it('shows a dangling image once as <none>:<none>, removed by id', () => {
    const i = img('bb', []);
    const [item, ...rest] = toImageItems([i], [], '');
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ repository: '<none>', tag: '<none>', dangling: true, ref: i.id });
  });
  it('a digest-only image (no tags) is one dangling item named by its repository, as docker image ls does', () => {
    const i = img('cc', [], { repoDigests: [`busybox@sha256:${'d'.repeat(64)}`] });
    const items = toImageItems([i], [], '');
    expect(items).toHaveLength(1);
    expect(items[0].ref).toBe(i.id);
    expect(items[0].repository).toBe('busybox');
    expect(items[0].tag).toBe('<none>');
    expect(toImageItems([i], [], 'busy')).toHaveLength(1);
  });
  it('lists the containers using each image, sorted, on every tag', () => {
    const a = img('aa', ['a:1', 'a:2']);
    const b = img('bb', ['b:1']);
    const items = toImageItems([a, b], [ctr('zeta', a.id), ctr('alpha', a.id), ctr('other', 'sha256:unknown')], '');
    const by = Object.fromEntries(items.map((x) => [x.ref, x.usedBy]));
    expect(by['a:1']).toEqual(['alpha', 'zeta']);
    expect(by['a:2']).toEqual(['alpha', 'zeta']);
    expect(by['b:1']).toEqual([]);
  });
  it('searches by reference (case-insensitive) and by id prefix without "sha256:"', () => {
    const a = img('abc123', ['Nginx:1.27', 'mirror/nginx:1.27']);
    const b = img('def456', ['postgres:16']);
    const d = img('a0a0', []);
    const refs = (q: string) => toImageItems([a, b, d], [], q).map((x) => x.ref);
    expect(refs('nginx').sort()).toEqual(['Nginx:1.27', 'mirror/nginx:1.27']);
    expect(refs(' POSTGRES ')).toEqual(['postgres:16']);
    expect(refs('def4')).toEqual(['postgres:16']);
    expect(refs('sha256:def4')).toEqual(['postgres:16']);
    expect(refs('a0a0')).toEqual([d.id]);
    expect(refs('<none>')).toEqual([]);
  });
  it('sorts by repository, then newest image, then tag', () => {
    const old = img('01', ['app:old'], { created: 1 });
    const neu = img('02', ['app:new', 'app:a'], { created: 2 });
    const z = img('03', ['zzz:1'], { created: 9 });
    expect(toImageItems([z, old, neu], [], '').map((x) => x.ref)).toEqual(['app:a', 'app:new', 'app:old', 'zzz:1']);
  });
});

describe('totalSize', () => {
  it('counts each image once, whatever its number of tags', () => {
    expect(totalSize([img('aa', ['a:1', 'a:2', 'a:3'], { size: 10 }), img('bb', [], { size: 5 })])).toBe(15);
    expect(totalSize([])).toBe(0);
  });
});
