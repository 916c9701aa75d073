// The volume list in the window: one listing when the view (or the engine) asks, then the
// backend's patches. Sizes come apart (volumes:sizes) and never hold the rows back.
import { create } from 'zustand';
import type { VolumeRow } from '../../../vm-backend/api/contract.volumes';
import type { ListChange, Listing, WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { errorShape } from '../../lib/error-shape';
import { applyChange, applyListing, emptyList, type ListState } from '../../store/apply-change';

interface VolumesState {
  list: ListState<VolumeRow>;
  /** Bytes by name, once measured; -1 where the engine does not measure. */
  sizes: Record<string, number> | null;
  sizesError: WharfErrorShape | null;
  sizesLoading: boolean;
  listError: WharfErrorShape | null;
  listed(l: Listing<VolumeRow>): void;
  changed(c: ListChange<VolumeRow>): void;
}

export const useVolumes = create<VolumesState>()((set) => ({
  list: emptyList(),
  sizes: null,
  sizesError: null,
  sizesLoading: false,
  listError: null,
  listed: (l) => set((s) => ({ list: applyListing(s.list, l), listError: null })),
  changed: (c) => set((s) => ({ list: applyChange(s.list, c) })),
}));

/** Lists the volumes (shown at once), then asks for their sizes. */
export async function loadVolumes(bridge: Bridge): Promise<void> {
  try {
    useVolumes.getState().listed(await bridge.call('volumes:list', {}));
  } catch (e) {
    useVolumes.setState({ listError: errorShape(e) });
    return;
  }
  void loadSizes(bridge);
}

export async function loadSizes(bridge: Bridge): Promise<void> {
  if (useVolumes.getState().sizesLoading) return;
  useVolumes.setState({ sizesLoading: true, sizesError: null });
  try {
    const r = await bridge.call('volumes:sizes', {});
    useVolumes.setState({ sizes: r.sizes, sizesLoading: false });
  } catch (e) {
    useVolumes.setState({ sizesError: errorShape(e), sizesLoading: false });
  }
}

/** volumes:changed into the store; a new engine (ready again) lists again once the view was used. */
export function subscribeVolumes(bridge: Bridge): () => void {
  let ready = false;
  const offs = [
    bridge.on('volumes:changed', (c) => useVolumes.getState().changed(c)),
    bridge.on('engine:state', (st) => {
      const now = st.state === 'ready';
      if (now && !ready && useVolumes.getState().list.loaded) {
        useVolumes.setState({ sizes: null });
        void loadVolumes(bridge);
      }
      ready = now;
    }),
  ];
  return () => offs.forEach((o) => o());
}
