import type { ListChange, Listing } from '../../vm-backend/api/types';

export interface ListState<Row> {
  byId: Record<string, Row>;
  /** Last applied change; -1 before the first listing. */
  seq: number;
  loaded: boolean;
}

export function emptyList<Row>(): ListState<Row> {
  return { byId: {}, seq: -1, loaded: false };
}

/** A full listing replaces the state unless newer patches were already applied. */
export function applyListing<Row extends { id: string }>(s: ListState<Row>, l: Listing<Row>): ListState<Row> {
  if (l.seq < s.seq) return s;
  const byId: Record<string, Row> = {};
  for (const r of l.rows) byId[r.id] = reuse(s.byId[r.id], r);
  return { byId, seq: l.seq, loaded: true };
}

/**
 * Applies a reset or patch. Unchanged rows keep their object identity so memoised rows do not
 * re-render; a patch older than the state is dropped.
 */
export function applyChange<Row extends { id: string }>(s: ListState<Row>, c: ListChange<Row>): ListState<Row> {
  if (c.kind === 'reset') return applyListing(s, { rows: c.rows, seq: c.seq });
  if (c.seq <= s.seq) return s;
  const byId = { ...s.byId };
  for (const r of c.upserts) byId[r.id] = reuse(byId[r.id], r);
  for (const id of c.removed) delete byId[id];
  return { byId, seq: c.seq, loaded: s.loaded };
}

function reuse<Row>(prev: Row | undefined, next: Row): Row {
  return prev !== undefined && JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}
