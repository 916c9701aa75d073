import { describe, expect, it } from 'vitest';
import { containerRef, containerRefs, engineRef, imageRef } from './ids';

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) => schema.safeParse(v).success;
const hostile = [
  '',
  'x'.repeat(10_000),
  '../etc',
  '../../x',
  'a\nb',
  'a b',
  'a;rm',
  'a|b',
  '$(id)',
  '`id`',
  'a&b',
  '-rf',
  '.hidden',
  '/abs',
  '%2e%2e',
  'a?b',
  'a#b',
  'a\\b',
  'a\0b',
];

describe('containerRef', () => {
  it('accepts ids, short ids and names', () => {
    for (const v of ['a'.repeat(64), '0123456789ab', 'web-1', 'My_App.2', 'Upper'])
      expect(ok(containerRef, v), v).toBe(true);
  });
  it('refuses empty, over-long, traversal, control and shell characters, and path separators', () => {
    for (const v of [...hostile, 'a/b', 'a:b', 'a@b', 'a'.repeat(129)])
      expect(ok(containerRef, v), JSON.stringify(v)).toBe(false);
  });
  it('refuses non-strings', () => {
    for (const v of [undefined, null, 1, {}, ['a']]) expect(ok(containerRef, v)).toBe(false);
  });
});

describe('containerRefs', () => {
  it('takes 1 to 500 refs', () => {
    expect(ok(containerRefs, ['a'])).toBe(true);
    expect(
      ok(
        containerRefs,
        Array.from({ length: 500 }, (_, i) => `c${i}`),
      ),
    ).toBe(true);
    expect(ok(containerRefs, [])).toBe(false);
    expect(
      ok(
        containerRefs,
        Array.from({ length: 501 }, (_, i) => `c${i}`),
      ),
    ).toBe(false);
    expect(ok(containerRefs, ['a', '../b'])).toBe(false);
  });
});

describe('imageRef', () => {
  it('accepts references, digests and ids', () => {
    const digest = `@sha256:${'a'.repeat(64)}`;
    for (const v of [
      'busybox',
      'busybox:1.36',
      'host:5000/a/b:tag',
      'ghcr.io/org/app',
      `busybox${digest}`,
      `busybox:1${digest}`,
      `sha256:${'f'.repeat(64)}`,
      'sha256:abcd',
      'abcdef012345',
    ]) {
      expect(ok(imageRef, v), v).toBe(true);
    }
  });
  it('accepts tags with capitals (a tag is [A-Za-z0-9_][A-Za-z0-9_.-]*, only the repository is lowercase)', () => {
    for (const v of ['app:RC1', 'host:5000/team/app:V1.2-Beta']) expect(ok(imageRef, v), v).toBe(true);
  });
  it('refuses capitals in the repository', () => {
    for (const v of ['Busybox', 'Busybox:1', 'host:5000/Team/app:1', 'SHA256:abcd'])
      expect(ok(imageRef, v), v).toBe(false);
  });
  it('refuses empty, over-long, traversal, control and shell characters', () => {
    for (const v of [...hostile, 'a'.repeat(513)]) expect(ok(imageRef, v), JSON.stringify(v.slice(0, 40))).toBe(false);
  });
  it('refuses ".." path segments, which would change the engine URL path', () => {
    for (const v of ['a/../b', 'a/../../containers/x', 'a/..', 'a/./b']) expect(ok(imageRef, v), v).toBe(false);
    expect(ok(imageRef, 'a.b/c..d'), 'dots inside a segment are not traversal').toBe(true);
  });
  it('refuses a bad digest', () => {
    expect(ok(imageRef, 'busybox@sha256:abc')).toBe(false);
  });
});

describe('engineRef', () => {
  it('accepts ids, names and references; refuses the hostile list', () => {
    for (const v of ['web-1', 'busybox:1', 'host:5000/a/b']) expect(ok(engineRef, v), v).toBe(true);
    for (const v of hostile) expect(ok(engineRef, v), JSON.stringify(v.slice(0, 40))).toBe(false);
  });
});
