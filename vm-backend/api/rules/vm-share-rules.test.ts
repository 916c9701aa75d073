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
  it("refuses folders that would hide the guest's own: root's SSH key, Docker's data, the system", () => {
    for (const p of [
      '/root',
      '/var',
      '/var/lib',
      '/var/lib/docker',
      '/tmp',
      '/usr',
      '/etc/',
      '/etc/x',
      '/proc/1',
      '/sys/fs',
    ])
      expect(
        shareIssues([p]).map((i) => i.code),
        p,
      ).toEqual(['system']);
    for (const p of ['/root/project', '/var/www', '/tmp/work', '/home/me', '/Users/me', '/Volumes/disk'])
      expect(shareIssues([p]), p).toEqual([]);
    // A Linux host's root user: its home is the guest's root's home, so nothing is shared by default.
    expect(effectiveShares(undefined, '/root')).toEqual([]);
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
