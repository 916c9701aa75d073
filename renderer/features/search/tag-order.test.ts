import { describe, expect, it } from 'vitest';
import { defaultTag, orderTags, versionOf } from './tag-order';

const names = (xs: { name: string }[]): string[] => xs.map((x) => x.name);

describe('orderTags', () => {
  it('orders versions as numbers, newest first, before other tags', () => {
    const tags = ['0.9', '1.10', '1.2', 'edge', '1.9', 'v2', '1.9-alpine'].map((name) => ({ name }));
    expect(names(orderTags(tags))).toEqual(['v2', '1.10', '1.9', '1.9-alpine', '1.2', '0.9', 'edge']);
  });

  it('orders tags that are not versions by date, newest first', () => {
    const tags = [
      { name: 'bookworm', updated: '2024-01-01T00:00:00Z' },
      { name: 'trixie', updated: '2025-06-01T00:00:00Z' },
      { name: 'bullseye', updated: '2022-01-01T00:00:00Z' },
    ];
    expect(names(orderTags(tags))).toEqual(['trixie', 'bookworm', 'bullseye']);
  });
});

describe('defaultTag', () => {
  it('keeps latest when there is one', () => {
    expect(defaultTag(orderTags([{ name: '1.0' }, { name: 'latest' }]))).toEqual({ name: 'latest', reason: 'latest' });
  });
  it('picks the newest version, not the first listed', () => {
    expect(defaultTag(orderTags([{ name: '0.9' }, { name: '1.0' }, { name: '1.1' }]))).toEqual({
      name: '1.1',
      reason: 'version',
    });
  });
  it('picks the newest by date, else the first, and nothing from no tags', () => {
    expect(
      defaultTag(
        orderTags([
          { name: 'a', updated: '2020-01-01' },
          { name: 'b', updated: '2021-01-01' },
        ]),
      ),
    ).toEqual({ name: 'b', reason: 'date' });
    expect(defaultTag(orderTags([{ name: 'b' }, { name: 'a' }]))).toEqual({ name: 'a', reason: 'first' });
    expect(defaultTag([])).toBeNull();
  });
  it('does not take huge numbers for versions', () => {
    expect(versionOf('99999999999999999999')).toBeNull();
  });
});
