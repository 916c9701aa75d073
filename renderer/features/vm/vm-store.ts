import { create } from 'zustand';
import type {
  VmDiagnoseResult,
  VmOverview,
  VmProblem,
  VmSettingsResult,
  VmStatus,
} from '../../../vm-backend/api/contract.vm';
import type { ErrorCode } from '../../../vm-backend/api/error-codes';
import type { Bridge } from '../../bridge/types';
import { useStore } from '../../store/store';

export type VmActionName = 'start' | 'stop' | 'force-stop' | 'restart' | 'reset' | 'delete-data';

export interface VmSlice {
  overview: VmOverview | null;
  open: boolean;
  busy: boolean;
  /** The last action's refusal (e.g. "the VM is starting"); state problems come with the status. */
  actionError: VmProblem | null;
  diagnose: Omit<VmDiagnoseResult, 'ticket' | 'base64'> | null;
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
  actionError: null,
  diagnose: null,
  show: (open) => set({ open }),
  setOverview: (overview) => set({ overview }),
  setStatus: (status) =>
    set((s) => ({
      overview: { ...s.overview, available: true, settings: s.overview?.settings ?? null, problem: undefined, status },
    })),
  setBusy: (busy) => set({ busy }),
}));

export function subscribeVm(bridge: Bridge): () => void {
  const load = (): void => {
    bridge.call('vm:overview', {}).then(
      (o) => useVm.getState().setOverview(o),
      () => {},
    );
  };
  load();
  // The VM lives beside the engine; after a switch of engines (to it or away) read it again: the
  // overview says whether it is the active engine.
  let target: string | undefined;
  const offs = [
    bridge.on('engine:state', (e) => {
      if (e.target === target) return;
      const first = target === undefined;
      target = e.target;
      if (!first) load();
    }),
    bridge.on('vm:state', (s) => {
      const before = useVm.getState().overview;
      useVm.getState().setStatus(s);
      // A VM created since the overview was read (Start from the panel, `wharf vm create`): read its settings.
      if (before && !before.settings && s.state !== 'absent' && s.state !== 'creating') load();
    }),
    bridge.onTransport((t) => {
      if (t === 'open') load();
    }),
  ];
  return () => offs.forEach((o) => o());
}

export const asProblem = (e: unknown): VmProblem => {
  const x = e as Partial<VmProblem> | null;
  return {
    code: x?.code ?? ('VM_ACTION_FAILED' satisfies ErrorCode),
    message: x?.message ?? String(e),
    hint: x?.hint ?? '',
    ...(x?.detail ? { detail: x.detail } : {}),
  };
};

/** Runs a VM action; the state arrives as events while it runs. */
export async function vmAction(bridge: Bridge, action: VmActionName): Promise<void> {
  useVm.setState({ busy: true, actionError: null });
  try {
    const s =
      action === 'start'
        ? await bridge.call('vm:start', {})
        : action === 'restart'
          ? await bridge.call('vm:restart', {})
          : action === 'reset'
            ? await bridge.call('vm:reset', { confirm: true })
            : action === 'delete-data'
              ? await bridge.call('vm:delete-data', { confirm: true })
              : await bridge.call('vm:stop', { force: action === 'force-stop' });
    useVm.getState().setStatus(s);
  } catch (e) {
    useVm.setState({ actionError: asProblem(e) });
  } finally {
    useVm.getState().setBusy(false);
  }
}

/** "Use this engine": switches Wharf to the VM (`wharf context use vm`); the panel stays open. */
export async function vmUseEngine(bridge: Bridge): Promise<void> {
  useVm.setState({ busy: true, actionError: null });
  try {
    const r = await bridge.call('targets:use', { name: 'vm' });
    useStore.getState().setEngine(r.status);
    useVm.getState().setOverview(await bridge.call('vm:overview', {}));
  } catch (e) {
    useVm.setState({ actionError: asProblem(e) });
  } finally {
    useVm.getState().setBusy(false);
  }
}

/** Applies settings; the overview's settings follow when they were applied. */
export async function vmApplySettings(
  bridge: Bridge,
  patch: { cpus: number; memoryMiB: number; diskGiB: number },
): Promise<VmSettingsResult | null> {
  try {
    const r = await bridge.call('vm:settings', patch);
    if (r.applied)
      useVm.setState((s) => ({ overview: s.overview ? { ...s.overview, settings: r.settings } : s.overview }));
    return r;
  } catch (e) {
    useVm.setState({ actionError: asProblem(e) });
    return null;
  }
}

/** Makes a diagnose bundle and saves it: web mode downloads it by ticket, the desktop app gets it
 *  inline and hands it to the browser's download (Electron asks where to save). */
export async function vmDiagnose(bridge: Bridge): Promise<void> {
  useVm.setState({ busy: true, actionError: null, diagnose: null });
  try {
    const desktop = typeof window !== 'undefined' && 'wharf' in window && !!(window as { wharf?: unknown }).wharf;
    const r = await bridge.call('vm:diagnose', desktop ? { inline: true } : {});
    const a = document.createElement('a');
    let blobUrl: string | null = null;
    if (r.base64) {
      const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
      blobUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/gzip' }));
      a.href = blobUrl;
    } else {
      a.href = `/download/vm-diagnose?ticket=${encodeURIComponent(r.ticket)}`;
    }
    a.download = r.name;
    document.body.append(a);
    a.click();
    a.remove();
    if (blobUrl) setTimeout(() => URL.revokeObjectURL(blobUrl as string), 60_000);
    useVm.setState({ diagnose: { name: r.name, bytes: r.bytes, files: r.files } });
  } catch (e) {
    useVm.setState({ actionError: asProblem(e) });
  } finally {
    useVm.setState({ busy: false });
  }
}
