// The running containers' count for the tray, kept from the 'containers:changed' events the
// window gets too (a reset, then patches): no extra engine call.
import type { ContainerRow, ListChange } from '../../vm-backend/api/types';

const RUNNING: ReadonlySet<string> = new Set(['running', 'paused', 'restarting']);

export class RunningCount {
  private readonly running = new Set<string>();
  /** The last change's sequence number (a listing older than it is stale). */
  seq = -1;

  /** Applies one change; answers the count after it. */
  apply(change: ListChange<Pick<ContainerRow, 'id' | 'state'>>): number {
    this.seq = change.seq;
    if (change.kind === 'reset') this.running.clear();
    else for (const id of change.removed) this.running.delete(id);
    for (const row of change.kind === 'reset' ? change.rows : change.upserts) {
      if (RUNNING.has(row.state)) this.running.add(row.id);
      else this.running.delete(row.id);
    }
    return this.running.size;
  }

  has(id: string): boolean {
    return this.running.has(id);
  }

  get count(): number {
    return this.running.size;
  }
}
