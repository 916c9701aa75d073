// The Targets (engines) dialog's state: the list from the backend, which action runs, the last
// error, and the form. The active engine also arrives with every 'engine:state' (its target).
import { create } from 'zustand';
import type { TargetsOverview, TargetTestResult } from '../../../vm-backend/api/contract.targets';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import type { Bridge } from '../../bridge/types';
import { errorShape } from '../../lib/error-shape';
import { useStore } from '../../store/store';
import { useVm } from '../vm/vm-store';

export interface TargetForm {
  name: string;
  address: string;
  identity: string;
  /** Editing: the target's name before. */
  previous?: string;
}

export const EMPTY_FORM: TargetForm = { name: '', address: '', identity: '' };

export interface TargetsSlice {
  open: boolean;
  overview: TargetsOverview | null;
  /** `action:name` while one runs, e.g. "test:box". */
  busy: string | null;
  error: WharfErrorShape | null;
  form: TargetForm | null;
  show(open: boolean): void;
  edit(form: TargetForm | null): void;
  load(): Promise<void>;
  save(form: TargetForm): Promise<boolean>;
  test(name: string): Promise<TargetTestResult | null>;
  use(name: string): Promise<void>;
  remove(name: string): Promise<void>;
}

export const useTargets = create<TargetsSlice>()((set, get) => {
  /** Runs one action at a time; its failure is shown in the dialog. */
  const run = async <T>(busy: string, fn: () => Promise<T>): Promise<T | null> => {
    set({ busy, error: null });
    try {
      return await fn();
    } catch (e) {
      set({ error: errorShape(e, 'TARGET_FAILED') });
      return null;
    } finally {
      set({ busy: null });
    }
  };
  return {
    open: false,
    overview: null,
    busy: null,
    error: null,
    form: null,
    show: (open) => {
      set({ open, error: null, form: null });
      if (open) void get().load();
    },
    edit: (form) => set({ form, error: null }),
    load: async () => {
      await run('load', async () => set({ overview: await getBridge().call('targets:list', {}) }));
    },
    save: async (f) => {
      const input = {
        name: f.name.trim(),
        address: f.address.trim(),
        ...(f.identity.trim() ? { identity: f.identity.trim() } : {}),
        ...(f.previous ? { previous: f.previous } : {}),
      };
      const overview = await run(`save:${input.name}`, () => getBridge().call('targets:save', input));
      if (overview) set({ overview, form: null });
      return !!overview;
    },
    test: async (name) => {
      const r = await run(`test:${name}`, () => getBridge().call('targets:test', { name }));
      if (r) set((s) => (s.overview ? { overview: { ...s.overview, tests: { ...s.overview.tests, [name]: r } } } : {}));
      return r;
    },
    use: async (name) => {
      const r = await run(`use:${name}`, () => getBridge().call('targets:use', { name }));
      if (r) {
        set({ overview: r.overview });
        useStore.getState().setEngine(r.status);
      }
    },
    remove: async (name) => {
      const overview = await run(`remove:${name}`, () => getBridge().call('targets:remove', { name }));
      if (overview) set({ overview });
    },
  };
});

/**
 * Follows the engine's target (another window, or a removed target, may switch it): the list's
 * active mark and the VM panel (a `vm` target has a VM, others none) are re-read on a change.
 */
export function subscribeTargets(bridge: Bridge): () => void {
  let last: string | undefined;
  return bridge.on('engine:state', (s) => {
    if (!s.target || s.target === last) return;
    const first = last === undefined;
    last = s.target;
    const { overview, busy } = useTargets.getState();
    if (overview && overview.active !== s.target && !busy) void useTargets.getState().load();
    if (!first)
      bridge.call('vm:overview', {}).then(
        (o) => useVm.getState().setOverview(o),
        () => {},
      );
  });
}
