import type { ContainerRow } from '../../../vm-backend/api/types';

export type ListItem =
  | { type: 'group'; key: string; project: string; count: number; running: number }
  | { type: 'row'; key: string; row: ContainerRow; grouped: boolean };

export interface ContainerFilter {
  query: string;
  onlyRunning: boolean;
}

export function matches(row: ContainerRow, f: ContainerFilter): boolean {
  if (f.onlyRunning && row.state !== 'running' && row.state !== 'paused' && row.state !== 'restarting') return false;
  const q = f.query.trim().toLowerCase();
  if (!q) return true;
  return (
    row.name.toLowerCase().includes(q) ||
    row.image.toLowerCase().includes(q) ||
    (row.project ?? '').toLowerCase().includes(q) ||
    row.id.startsWith(q)
  );
}

const byNewest = (a: ContainerRow, b: ContainerRow): number => b.created - a.created || a.name.localeCompare(b.name);

/** Filtered rows, compose projects first (a header row each, then their containers), then the rest. */
export function toListItems(rows: Iterable<ContainerRow>, f: ContainerFilter): ListItem[] {
  const groups = new Map<string, ContainerRow[]>();
  const loose: ContainerRow[] = [];
  for (const r of rows) {
    if (!matches(r, f)) continue;
    if (r.project) {
      const g = groups.get(r.project);
      if (g) g.push(r);
      else groups.set(r.project, [r]);
    } else loose.push(r);
  }
  const items: ListItem[] = [];
  for (const project of [...groups.keys()].sort()) {
    const members = (groups.get(project) ?? []).sort(
      (a, b) => (a.service ?? a.name).localeCompare(b.service ?? b.name) || a.name.localeCompare(b.name),
    );
    items.push({
      type: 'group',
      key: `g:${project}`,
      project,
      count: members.length,
      running: members.filter((m) => m.state === 'running').length,
    });
    for (const row of members) items.push({ type: 'row', key: row.id, row, grouped: true });
  }
  for (const row of loose.sort(byNewest)) items.push({ type: 'row', key: row.id, row, grouped: false });
  return items;
}

/** The actions that make sense in a state, in the order the row shows them. */
export function actionsFor(state: ContainerRow['state']): ('start' | 'stop' | 'restart' | 'pause' | 'unpause')[] {
  switch (state) {
    case 'running':
      return ['stop', 'pause', 'restart'];
    case 'paused':
      return ['unpause', 'stop'];
    case 'restarting':
      return ['stop'];
    case 'created':
    case 'exited':
    case 'dead':
      return ['start'];
    default:
      return [];
  }
}
