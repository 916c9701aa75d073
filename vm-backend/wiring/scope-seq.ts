// List changes are numbered (seq) and windows drop a change older than what they have. Each engine
// session counts from 1, so after a switch its numbers continue where the last engine's ended.
import type { ListChange, Listing } from '../api/types';

export class SeqBase {
  private last = 0;

  /** Numbers for the next engine: its seq n is sent as base + n. */
  next(): (seq: number) => number {
    const base = this.last;
    return (seq) => this.seen(base + seq);
  }

  /** A change that clears the lists between engines: newer than anything sent so far. */
  clear<Row>(): ListChange<Row> {
    return { kind: 'reset', rows: [], seq: this.seen(this.last + 1) };
  }

  private seen(seq: number): number {
    if (seq > this.last) this.last = seq;
    return seq;
  }
}

export const shiftChange = <Row>(c: ListChange<Row>, map: (n: number) => number): ListChange<Row> => ({
  ...c,
  seq: map(c.seq),
});
export const shiftListing = <Row>(l: Listing<Row>, map: (n: number) => number): Listing<Row> => ({
  ...l,
  seq: map(l.seq),
});
