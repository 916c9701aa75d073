import { describe, expect, it } from 'vitest';
import { applyChange, applyListing, emptyList, type ListState } from './apply-change';

interface Row {
  id: string;
  name: string;
  n?: number;
}
const row = (id: string, name = id, n?: number): Row => (n === undefined ? { id, name } : { id, name, n });
const state = (rows: Row[], seq: number): ListState<Row> => applyListing(emptyList<Row>(), { rows, seq });

describe('applyListing', () => {
  it('fills an empty state and marks it loaded', () => {
    const s = applyListing(emptyList<Row>(), { rows: [row('a'), row('b')], seq: 0 });
    expect(s.loaded).toBe(true);
    expect(s.seq).toBe(0);
    expect(Object.keys(s.byId).sort()).toEqual(['a', 'b']);
  });
  it('replaces: rows missing from the listing are gone', () => {
    const s = applyListing(state([row('a'), row('b')], 1), { rows: [row('c')], seq: 2 });
    expect(Object.keys(s.byId)).toEqual(['c']);
    expect(s.seq).toBe(2);
  });
  it('ignores a listing older than patches already applied', () => {
    const s = state([row('a')], 5);
    expect(applyListing(s, { rows: [], seq: 4 })).toBe(s);
  });
  it('accepts a listing at the same seq (it includes every applied patch)', () => {
    const s = applyListing(state([row('a')], 5), { rows: [row('b')], seq: 5 });
    expect(Object.keys(s.byId)).toEqual(['b']);
  });
  it('keeps the object of a row whose content did not change', () => {
    const s = state([row('a', 'x'), row('b', 'y')], 1);
    const next = applyListing(s, { rows: [row('a', 'x'), row('b', 'changed')], seq: 2 });
    expect(next.byId.a).toBe(s.byId.a);
    expect(next.byId.b).not.toBe(s.byId.b);
    expect(next.byId.b.name).toBe('changed');
  });
});

describe('applyChange', () => {
  it('a reset replaces the rows like a listing', () => {
    const s = applyChange(state([row('a'), row('b')], 3), { kind: 'reset', rows: [row('b'), row('c')], seq: 4 });
    expect(Object.keys(s.byId).sort()).toEqual(['b', 'c']);
    expect(s.seq).toBe(4);
    expect(s.loaded).toBe(true);
  });
  it('a stale reset is ignored', () => {
    const s = state([row('a')], 3);
    expect(applyChange(s, { kind: 'reset', rows: [], seq: 2 })).toBe(s);
  });
  it('a patch inserts, updates and removes by id, leaving the others alone', () => {
    const s = state([row('a', 'a', 1), row('b'), row('c')], 1);
    const next = applyChange(s, { kind: 'patch', upserts: [row('a', 'a', 2), row('d')], removed: ['c'], seq: 2 });
    expect(Object.keys(next.byId).sort()).toEqual(['a', 'b', 'd']);
    expect(next.byId.a.n).toBe(2);
    expect(next.byId.b).toBe(s.byId.b);
    expect(next.seq).toBe(2);
    expect(next.loaded).toBe(true);
  });
  it('does not mutate the previous state', () => {
    const s = state([row('a'), row('b')], 1);
    const before = JSON.stringify(s);
    applyChange(s, { kind: 'patch', upserts: [row('z')], removed: ['a'], seq: 2 });
    expect(JSON.stringify(s)).toBe(before);
  });
  it('an upsert equal to the current row keeps its identity', () => {
    const s = state([row('a', 'x', 1)], 1);
    const next = applyChange(s, { kind: 'patch', upserts: [{ id: 'a', name: 'x', n: 1 }], removed: [], seq: 2 });
    expect(next.byId.a).toBe(s.byId.a);
  });
  it('drops a patch at or below the current seq', () => {
    const s = state([row('a')], 5);
    expect(applyChange(s, { kind: 'patch', upserts: [row('b')], removed: ['a'], seq: 5 })).toBe(s);
    expect(applyChange(s, { kind: 'patch', upserts: [row('b')], removed: ['a'], seq: 1 })).toBe(s);
  });
  it('applies a patch after a gap in seq (no gap detection; a reset comes on reconnect)', () => {
    const s = applyChange(state([row('a')], 2), { kind: 'patch', upserts: [row('b')], removed: [], seq: 9 });
    expect(Object.keys(s.byId).sort()).toEqual(['a', 'b']);
    expect(s.seq).toBe(9);
  });
  it('a patch before the first listing is kept but the list stays not loaded', () => {
    const s = applyChange(emptyList<Row>(), { kind: 'patch', upserts: [row('a')], removed: [], seq: 0 });
    expect(s.byId.a).toEqual(row('a'));
    expect(s.loaded).toBe(false);
    // The listing that follows at the same seq still lands.
    const l = applyListing(s, { rows: [row('a'), row('b')], seq: 0 });
    expect(l.loaded).toBe(true);
    expect(l.byId.a).toBe(s.byId.a);
  });
  it('removing an unknown id is harmless', () => {
    const s = applyChange(state([row('a')], 0), { kind: 'patch', upserts: [], removed: ['nope'], seq: 1 });
    expect(Object.keys(s.byId)).toEqual(['a']);
  });
  it('the same id upserted and removed in one patch ends removed', () => {
    const s = applyChange(state([], 0), { kind: 'patch', upserts: [row('a')], removed: ['a'], seq: 1 });
    expect(s.byId.a).toBeUndefined();
  });
});
