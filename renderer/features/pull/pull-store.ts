// Pulls this window started, keyed by id, patched from 'pull:progress' (several at once).
import { create } from 'zustand';
import type { PullProgress } from '../../../vm-backend/api/contract.pull';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { errorShape } from '../../lib/error-shape';
import type { Bridge } from '../../bridge';

interface PullState {
  pulls: Record<string, PullProgress>;
  order: string[];
  /** Why a Cancel did not go through, per pull (shown on it; cleared by the next try). */
  cancelErrors: Record<string, WharfErrorShape>;
  upsert(p: PullProgress): void;
  dismiss(id: string): void;
  /** Every running pull ends as `interrupted`: the backend that ran it is gone. */
  interruptRunning(): void;
  setCancelError(id: string, error: WharfErrorShape | null): void;
}

/** What an interrupted pull says (the backend's link closed, so the pull stopped with it). */
export const PULL_INTERRUPTED: WharfErrorShape = {
  code: 'PULL_INTERRUPTED',
  message: "This pull stopped: the link to Wharf's backend was lost.",
  hint: 'Pull again once Wharf is connected, or dismiss it.',
  detail: 'the WebSocket to the backend closed while the pull ran',
};

export const usePulls = create<PullState>()((set) => ({
  pulls: {},
  order: [],
  cancelErrors: {},
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
      const { [id]: _err, ...cancelErrors } = s.cancelErrors;
      return { pulls, cancelErrors, order: s.order.filter((o) => o !== id) };
    }),
  interruptRunning: () =>
    set((s) => {
      const running = Object.values(s.pulls).filter((p) => p.state === 'running');
      if (!running.length) return s;
      const pulls = { ...s.pulls };
      for (const p of running) pulls[p.pull] = { ...p, state: 'interrupted', error: PULL_INTERRUPTED };
      return { pulls };
    }),
  setCancelError: (id, error) =>
    set((s) => {
      const { [id]: _old, ...rest } = s.cancelErrors;
      return { cancelErrors: error ? { ...rest, [id]: error } : rest };
    }),
}));

/** Progress of this window's pulls (the backend sends a pull's events only to the window that started it).
 *  The backend ends a window's pulls when its link closes (and a restarted backend never knew them):
 *  running pulls say so at once instead of "Pulling…" forever. */
export function subscribePulls(bridge: Bridge): () => void {
  const offProgress = bridge.on('pull:progress', (p) => usePulls.getState().upsert(p));
  const offTransport = bridge.onTransport((t) => {
    if (t === 'closed') usePulls.getState().interruptRunning();
  });
  return () => {
    offProgress();
    offTransport();
  };
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

/** Pulls `ref` again in place of an ended pull (which is dismissed). */
export async function retryPull(bridge: Bridge, id: string): Promise<void> {
  const p = usePulls.getState().pulls[id];
  if (!p) return;
  usePulls.getState().dismiss(id);
  await startPull(bridge, p.ref);
}

/** Cancels a pull; it never fails silently: a pull the backend no longer knows has ended
 *  (interrupted), any other refusal is shown on the pull. */
export async function cancelPull(bridge: Bridge, id: string): Promise<void> {
  const store = usePulls.getState();
  store.setCancelError(id, null);
  try {
    await bridge.call('pull:cancel', { pull: id });
  } catch (err) {
    const error = errorShape(err, 'PULL_CANCEL_FAILED');
    const p = usePulls.getState().pulls[id];
    if (error.code === 'PULL_NOT_FOUND' && p?.state === 'running')
      usePulls.getState().upsert({ ...p, state: 'interrupted', error: PULL_INTERRUPTED });
    else if (error.code !== 'PULL_NOT_FOUND') usePulls.getState().setCancelError(id, error);
  }
}
