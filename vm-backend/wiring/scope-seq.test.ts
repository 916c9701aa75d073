import { describe, expect, it } from 'vitest';
import { SeqBase, shiftChange, shiftListing } from './scope-seq';

describe('list numbers across engine switches', () => {
  it('the first engine keeps its own numbers', () => {
    const b = new SeqBase();
    const first = b.next();
    expect(first(1)).toBe(1);
    expect(first(7)).toBe(7);
  });
  it('after a switch: a clearing reset newer than anything sent, then the new engine counts on', () => {
    const b = new SeqBase();
    const first = b.next();
    first(41);
    const clear = b.clear();
    expect(clear).toEqual({ kind: 'reset', rows: [], seq: 42 });
    const second = b.next();
    expect(shiftChange({ kind: 'reset', rows: [], seq: 1 }, second).seq).toBe(43);
    expect(shiftListing({ rows: [], seq: 3 }, second).seq).toBe(45);
    b.clear();
    const third = b.next();
    expect(third(1)).toBeGreaterThan(46);
  });
  it('listings mapped before changes still count (no seq goes backwards)', () => {
    const b = new SeqBase();
    const first = b.next();
    first(5);
    first(3);
    expect(b.clear().seq).toBe(6);
  });
});
