import { describe, expect, it } from 'vitest';
import { DIAGNOSE_LIMITS, TicketShelf } from './diagnose-tickets';

const kb = (n: number): Buffer => Buffer.alloc(n * 1024, 7);

describe('TicketShelf (diagnose bundles held for download)', () => {
  it('a ticket works once', () => {
    const shelf = new TicketShelf();
    const t = shelf.issue('x.tar.gz', Buffer.from('data'));
    expect(shelf.take(t).data.toString()).toBe('data');
    expect(() => shelf.take(t)).toThrow(/expired/);
  });

  it('expires after its time', () => {
    let now = 0;
    const shelf = new TicketShelf(DIAGNOSE_LIMITS, () => now);
    const t = shelf.issue('x', kb(1));
    now = DIAGNOSE_LIMITS.ttlMs + 1;
    expect(() => shelf.take(t)).toThrow(expect.objectContaining({ code: 'DOWNLOAD_EXPIRED' }));
  });

  it('holds at most maxCount bundles: 100 clicks keep the newest 5, the oldest went first', () => {
    const shelf = new TicketShelf();
    const tickets = Array.from({ length: 100 }, (_, i) => shelf.issue(`b${i}`, kb(1)));
    expect(shelf.count).toBe(DIAGNOSE_LIMITS.maxCount);
    expect(() => shelf.take(tickets[94] as string)).toThrow(/expired/);
    expect(shelf.take(tickets[95] as string).name).toBe('b95');
    expect(shelf.take(tickets[99] as string).name).toBe('b99');
  });

  it('holds at most maxBytes in all, but always the newest', () => {
    const shelf = new TicketShelf({ ttlMs: 60_000, maxCount: 10, maxBytes: 100 * 1024 });
    const a = shelf.issue('a', kb(40));
    const b = shelf.issue('b', kb(40));
    const c = shelf.issue('c', kb(40)); // 120 KB: a goes
    expect(shelf.bytes).toBe(80 * 1024);
    expect(() => shelf.take(a)).toThrow(/expired/);
    expect(shelf.take(b).name).toBe('b');
    const big = shelf.issue('big', kb(500)); // over the cap alone: kept, c goes
    expect(shelf.count).toBe(1);
    expect(() => shelf.take(c)).toThrow(/expired/);
    expect(shelf.take(big).name).toBe('big');
  });
});
