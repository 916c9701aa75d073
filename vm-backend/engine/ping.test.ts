import { describe, expect, it } from 'vitest';
import { MAX_API, MIN_API, negotiateApiVersion } from './ping';

describe('negotiateApiVersion', () => {
  it('uses the engine version when Wharf knows it', () => expect(negotiateApiVersion('1.41')).toBe('1.41'));
  it('caps at the newest Wharf knows', () => expect(negotiateApiVersion('1.56')).toBe(MAX_API));
  it('refuses engines older than the minimum', () => expect(negotiateApiVersion('1.24')).toBeNull());
  it('compares numerically, not as text', () => expect(negotiateApiVersion('1.9')).toBeNull());
  it('falls back to the minimum when the header is missing or junk', () => {
    expect(negotiateApiVersion(undefined)).toBe(MIN_API);
    expect(negotiateApiVersion('abc')).toBe(MIN_API);
  });
});
