// Pulls this window started, keyed by id, patched from 'pull:progress' (several at once).
import { create } from 'zustand';
import type { PullProgress } from '../../../vm-backend/api/contract.pull';
import { errorShape } from '../../lib/error-shape';
import type { Bridge } from '../../bridge';

interface PullState {
  pulls: Record<string, PullProgress>;
  order: string[];
  upsert(p: PullProgress): void;
  dismiss(id: string): void;
}

export const usePulls = create<PullState>()((set) => ({
  pulls: {},
  order: [],
  upsert: (p) =>
    set((s) => {
      const before = s.pulls[p.pull];
      // A late 'running' patch never overwrites a final state.
      if (before && before.state !== 'running' && p.state === 'running') return s;
      return { pulls: { ...s.pulls, [p.pull]: p }, order: s.order.includes(p.pull) ? s.order : [p.pull, ...s.order] };
    }),
  dismiss: (id) =>
    set((s) => {
      const { [id]: _gone, ...pulls } = s.pulls;
      return { pulls, order: s.order.filter((o) => o !== id) };
    }),
}));

/** Progress of this window's pulls (the backend sends a pull's events only to the window that started it). */
export function subscribePulls(bridge: Bridge): () => void {
  return bridge.on('pull:progress', (p) => usePulls.getState().upsert(p));
}

/** Starts a pull; a refusal before it starts (bad name, engine down) becomes a failed entry. */
export async function startPull(bridge: Bridge, ref: string): Promise<void> {
  try {
    usePulls.getState().upsert(await bridge.call('pull:start', { ref }));
  } catch (err) {
    const error = errorShape(err, 'PULL_FAILED');
    usePulls.getState().upsert({
      pull: `pull-0${Date.now()}`.slice(0, 17),
      ref,
      layers: [],
      fraction: 0,
      bytesDone: 0,
      bytesTotal: 0,
      state: 'failed',
      error,
    });
  }
}
