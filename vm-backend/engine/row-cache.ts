import type { ListChange, Listing } from '../api/types';

/**
 * The backend's copy of one list (containers or images), keyed by id. Every change bumps `seq`
 * and is emitted as a patch, so any number of clients share one engine list and one event stream.
 */
export class RowCache<Row extends { id: string }> {
  private rows = new Map<string, Row>();
  private seq = 0;

  constructor(private readonly emit: (change: ListChange<Row>) => void) {}

  listing(): Listing<Row> {
    return { rows: [...this.rows.values()], seq: this.seq };
  }

  get(id: string): Row | undefined {
    return this.rows.get(id);
  }

  values(): IterableIterator<Row> {
    return this.rows.values();
  }

  /** Finds a row by full id or an id prefix of at least 12 characters. */
  findByIdPrefix(idOrPrefix: string): Row | undefined {
    const exact = this.rows.get(idOrPrefix);
    if (exact || idOrPrefix.length < 12) return exact;
    for (const r of this.rows.values())
      if (r.id.startsWith(idOrPrefix) || r.id.startsWith(`sha256:${idOrPrefix}`)) return r;
    return undefined;
  }

  reset(rows: Row[]): void {
    this.rows = new Map(rows.map((r) => [r.id, r]));
    this.seq += 1;
    this.emit({ kind: 'reset', rows, seq: this.seq });
  }

  /** Applies upserts and removals; emits only when something actually changed. */
  patch(upserts: Row[], removed: string[]): void {
    const changed: Row[] = [];
    const gone: string[] = [];
    for (const row of upserts) {
      const prev = this.rows.get(row.id);
      if (prev && JSON.stringify(prev) === JSON.stringify(row)) continue;
      this.rows.set(row.id, row);
      changed.push(row);
    }
    for (const id of removed) if (this.rows.delete(id)) gone.push(id);
    if (!changed.length && !gone.length) return;
    this.seq += 1;
    this.emit({ kind: 'patch', upserts: changed, removed: gone, seq: this.seq });
  }
}
