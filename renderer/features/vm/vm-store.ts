import { create } from 'zustand';
import type { VmOverview, VmStatus } from '../../../vm-backend/api/contract.vm';
import type { Bridge } from '../../bridge/types';

export interface VmSlice {
  overview: VmOverview | null;
  open: boolean;
  busy: boolean;
  show(open: boolean): void;
  setOverview(o: VmOverview): void;
  setStatus(s: VmStatus): void;
  setBusy(b: boolean): void;
}

/** The VM as the panel and the indicator show it: one overview, then 'vm:state' events. */
export const useVm = create<VmSlice>()((set) => ({
  overview: null,
  open: false,
  busy: false,
  show: (open) => set({ open }),
  setOverview: (overview) => set({ overview }),
  setStatus: (status) => set((s) => ({ overview: { available: true, settings: s.overview?.settings ?? null, status } })),
  setBusy: (busy) => set({ busy }),
}));

export function startVmSync(bridge: Bridge): () => void {
  const load = (): void => {
    bridge.call('vm:overview', {}).then((o) => useVm.getState().setOverview(o), () => {});
  };
  load();
  const offs = [
    bridge.on('vm:state', (s) => useVm.getState().setStatus(s)),
    bridge.onTransport((t) => {
      if (t === 'open') load();
    }),
  ];
  return () => offs.forEach((o) => o());
}

/** Runs a VM action; the state arrives as events while it runs. */
export async function vmAction(bridge: Bridge, action: 'start' | 'stop' | 'force-stop'): Promise<void> {
  const v = useVm.getState();
  v.setBusy(true);
  try {
    const s = action === 'start' ? await bridge.call('vm:start', {}) : await bridge.call('vm:stop', { force: action === 'force-stop' });
    useVm.getState().setStatus(s);
  } catch {
    // the state event carries the problem
  } finally {
    useVm.getState().setBusy(false);
  }
}
