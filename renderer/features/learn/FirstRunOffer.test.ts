// The first-run offer: shown only while the user has neither taken nor skipped it, and only when
// the engine's container list is known and empty (and not over the Learn view itself).
import { describe, expect, it } from 'vitest';
import type { ContainerRow } from '../../../vm-backend/api/types';
import { offerShown } from './FirstRunOffer';

const list = (n: number, loaded = true) => ({
  byId: Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, { id: `c${i}` } as ContainerRow])),
  seq: 1,
  loaded,
});
const offer = { firstRun: 'offer' as const, lessons: {} };

describe('offerShown', () => {
  it('offers the first lesson on an engine with no containers', () => {
    expect(offerShown(offer, list(0), 'containers')).toBe(true);
  });
  it('is never shown again once skipped or taken', () => {
    expect(offerShown({ ...offer, firstRun: 'skipped' }, list(0), 'containers')).toBe(false);
    expect(offerShown({ ...offer, firstRun: 'taken' }, list(0), 'containers')).toBe(false);
  });
  it('waits for the progress and the list, and stays away when containers exist', () => {
    expect(offerShown(null, list(0), 'containers')).toBe(false);
    expect(offerShown(offer, list(0, false), 'containers')).toBe(false);
    expect(offerShown(offer, list(1), 'containers')).toBe(false);
    expect(offerShown(offer, list(0), 'learn')).toBe(false);
  });
});
