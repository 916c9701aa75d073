// This window's pushes, keyed by id, patched from 'push:progress'.
import { create } from 'zustand';
import type { PushProgress } from '../../../vm-backend/api/contract.push';
import type { Bridge } from '../../bridge';

interface PushState {
  pushes: Record<string, PushProgress>;
  /** The last push started for each name (the panel shows it). */
  byRef: Record<string, string>;
  upsert(p: PushProgress): void;
}

export const usePushes = create<PushState>()((set) => ({
  pushes: {},
  byRef: {},
  upsert: (p) =>
    set((s) => {
      const before = s.pushes[p.push];
      if (before && before.state !== 'running' && p.state === 'running') return s;
      return { pushes: { ...s.pushes, [p.push]: p }, byRef: before ? s.byRef : { ...s.byRef, [p.ref]: p.push } };
    }),
}));

export function subscribePushes(bridge: Bridge): () => void {
  return bridge.on('push:progress', (p) => usePushes.getState().upsert(p));
}
