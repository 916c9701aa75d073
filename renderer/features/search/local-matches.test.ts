import { describe, expect, it } from 'vitest';
import { localMatches } from './local-matches';

const img = (...repoTags: string[]) => ({ id: 'sha256:x', repoTags, repoDigests: [], size: 1, created: 0 });

describe('localMatches', () => {
  it('finds tags containing the term, shortest first, as text', () => {
    const images = [img('redis:7', 'me/redis-tools:1'), img('busybox:1'), img()];
    expect(localMatches(images, 'REDIS').map((m) => m.ref)).toEqual(['redis:7', 'me/redis-tools:1']);
    expect(localMatches(images, '  ')).toEqual([]);
    expect(localMatches(images, '../.*')).toEqual([]);
    expect(
      localMatches(
        Array.from({ length: 100 }, (_, i) => img(`r${i}:1`)),
        'r',
        5,
      ),
    ).toHaveLength(5);
  });
});
