import { describe, expect, it } from 'vitest';
import { effectiveShares, MAX_SHARES, normalizeSharePath, shareIssues } from './vm-share-rules';

describe('shared folder rules', () => {
  it('accepts separate absolute folders', () => {
    expect(shareIssues(['/home/me', '/srv/projects', '/home/mee'])).toEqual([]);
    expect(shareIssues([])).toEqual([]);
  });
  it('refuses the whole disk, however it is spelled', () => {
    for (const p of ['/', '//', '/./', '///.//'])
      expect(
        shareIssues([p]).map((i) => i.code),
        p,
      ).toEqual(['root']);
  });
  it('refuses relative paths, .. and control characters', () => {
    expect(shareIssues(['home/me', '', '/home/me/../x', '/a\nb', '/a\u0000']).map((i) => i.code)).toEqual([
      'relative',
      'relative',
      'relative',
      'control',
      'control',
    ]);
  });
  it('refuses a folder inside another, in either order, and the same folder twice', () => {
    expect(shareIssues(['/home/me', '/home/me/src'])).toEqual([
      { path: '/home/me/src', code: 'nested', other: '/home/me' },
    ]);
    expect(shareIssues(['/home/me/src', '/home/me/'])).toEqual([
      { path: '/home/me/', code: 'nested', other: '/home/me/src' },
    ]);
    expect(shareIssues(['/home/me', '/home//me/'])).toEqual([
      { path: '/home//me/', code: 'duplicate', other: '/home/me' },
    ]);
  });
  it('refuses more than the limit', () => {
    const many = Array.from({ length: MAX_SHARES + 1 }, (_, i) => `/d${i}`);
    expect(shareIssues(many).map((i) => i.code)).toEqual(['too-many']);
  });
  it('normalizes and defaults to the home folder', () => {
    expect(normalizeSharePath('/a//b/./c/')).toBe('/a/b/c');
    expect(effectiveShares(undefined, '/home/me/')).toEqual(['/home/me']);
    expect(effectiveShares([], '/home/me')).toEqual([]);
    expect(effectiveShares(['/x/'], '/home/me')).toEqual(['/x']);
    expect(effectiveShares(undefined, '/')).toEqual([]);
  });
});
