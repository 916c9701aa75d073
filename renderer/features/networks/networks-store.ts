// The networks list in the window: one listing when the engine is ready, then the backend's
// networks:changed patches (one per network event). Its own small store: no other view needs it.
import { create } from 'zustand';
import type { NetworkRow } from '../../../vm-backend/api/contract.networks';
import type { ListChange, Listing } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { applyChange, applyListing, emptyList, type ListState } from '../../store/apply-change';

interface NetworksState {
  list: ListState<NetworkRow>;
  /** The network whose details (and picture) are open. */
  selected: string | null;
  listed(l: Listing<NetworkRow>): void;
  changed(c: ListChange<NetworkRow>): void;
  select(id: string | null): void;
  forget(): void;
}

export const useNetworks = create<NetworksState>((set) => ({
  list: emptyList(),
  selected: null,
  listed: (l) => set((s) => ({ list: applyListing(s.list, l) })),
  changed: (c) => set((s) => ({ list: applyChange(s.list, c) })),
  select: (selected) => set({ selected }),
  forget: () => set({ list: emptyList() }),
}));

/** Lists when the engine becomes ready (first start, reconnect, switch); patches in between. */
export function subscribeNetworks(bridge: Bridge): () => void {
  let ready = false;
  let target: string | undefined;
  const load = (): void => {
    bridge.call('networks:list', {}).then(
      (l) => useNetworks.getState().listed(l),
      () => undefined, // engine down: the next ready lists again
    );
  };
  const offs = [
    bridge.on('networks:changed', (c) => useNetworks.getState().changed(c)),
    bridge.on('engine:state', (st) => {
      // Another engine: its networks are not these (the listing follows when it is ready).
      if (st.target !== target && target !== undefined) useNetworks.getState().forget();
      target = st.target;
      const now = st.state === 'ready';
      if (now && !ready) load();
      ready = now;
    }),
    bridge.onTransport((t) => {
      if (t !== 'open') return;
      useNetworks.getState().forget();
      bridge.call('engine:status', {}).then(
        (st) => {
          ready = st.state === 'ready';
          if (ready) load();
        },
        () => undefined,
      );
    }),
  ];
  return () => offs.forEach((o) => o());
}
