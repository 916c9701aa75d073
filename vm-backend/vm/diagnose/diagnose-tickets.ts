// One-time download tickets for diagnose bundles (GET /download/vm-diagnose), held in memory:
// each for 5 minutes at most, and no more than `maxCount` bundles or `maxBytes` in all, so
// clicking Diagnose again and again cannot fill the app's memory. The oldest goes first.
import { randomBytes } from 'node:crypto';
import { diagnoseExpired } from '../vm-errors';

export interface Bundle {
  name: string;
  data: Buffer;
}

export interface ShelfLimits {
  ttlMs: number;
  maxCount: number;
  maxBytes: number;
}

export const DIAGNOSE_LIMITS: ShelfLimits = { ttlMs: 5 * 60_000, maxCount: 5, maxBytes: 32 * 2 ** 20 };

export class TicketShelf {
  // A Map keeps insertion order: the first entry is the oldest.
  private readonly held = new Map<string, Bundle & { expires: number }>();

  constructor(
    private readonly limits: ShelfLimits = DIAGNOSE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get count(): number {
    return this.held.size;
  }

  get bytes(): number {
    let n = 0;
    for (const b of this.held.values()) n += b.data.length;
    return n;
  }

  issue(name: string, data: Buffer): string {
    const now = this.now();
    for (const [k, v] of this.held) if (v.expires < now) this.held.delete(k);
    const ticket = randomBytes(18).toString('base64url');
    this.held.set(ticket, { name, data, expires: now + this.limits.ttlMs });
    // The newest always stays, even alone over maxBytes: the user just asked for it.
    for (const k of this.held.keys()) {
      if (this.held.size <= 1 || (this.held.size <= this.limits.maxCount && this.bytes <= this.limits.maxBytes)) break;
      this.held.delete(k);
    }
    return ticket;
  }

  take(ticket: string): Bundle {
    const t = this.held.get(ticket);
    this.held.delete(ticket);
    if (!t || t.expires < this.now()) throw diagnoseExpired('unknown, used, expired or replaced by newer bundles');
    return { name: t.name, data: t.data };
  }
}
