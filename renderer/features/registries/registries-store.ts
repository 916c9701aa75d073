// Settings → Registries: whether the dialog is open, the registries search looks in, and what the
// last action answered. Credentials go to the backend (kept in a 0600 file) and never come back.
import { create } from 'zustand';
import type { CallInput } from '../../../vm-backend/api/contract';
import type { RegistryInfo, RegistryTest } from '../../../vm-backend/api/contract.registries';
import type { TargetsOverview } from '../../../vm-backend/api/contract.targets';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { errorShape } from '../../lib/error-shape';

export type RegistryInput = CallInput<'registries:add'>;

/** The form as the backend takes it: host and user trimmed, empty ones left out; the secret as typed. */
export function registryInput(host: string, username: string, secret: string): RegistryInput {
  return {
    host: host.trim(),
    ...(username.trim() ? { username: username.trim() } : {}),
    ...(secret ? { secret } : {}),
  };
}

interface RegistriesState {
  open: boolean;
  list: RegistryInfo[];
  /** An action runs: its buttons are disabled. */
  busy: boolean;
  error: WharfErrorShape | null;
  tested: RegistryTest | null;
  /** Wharf's settings files as targets:list reports them: a registries.json set aside as corrupt is said here too. */
  settings: TargetsOverview | null;
  /** Opening starts afresh: an empty list until `load` answers, no error, no test result. */
  show(open: boolean): void;
  load(bridge: Bridge): Promise<void>;
  test(bridge: Bridge, input: RegistryInput): Promise<void>;
  /** True once the registry was added (the form may be cleared), even if the list fails to reload. */
  add(bridge: Bridge, input: RegistryInput): Promise<boolean>;
  remove(bridge: Bridge, host: string): Promise<void>;
}

const shape = (e: unknown): WharfErrorShape => errorShape(e, 'REGISTRY_FAILED');

export const useRegistriesDialog = create<RegistriesState>()((set) => {
  const reload = async (bridge: Bridge): Promise<void> => set({ list: await bridge.call('registries:list', {}) });
  /** One action at a time; it clears the last error and test result, and shows its own failure. */
  const act = async (fn: () => Promise<void>): Promise<void> => {
    set({ busy: true, error: null, tested: null });
    try {
      await fn();
    } catch (e) {
      set({ error: shape(e) });
    } finally {
      set({ busy: false });
    }
  };
  return {
    open: false,
    list: [],
    busy: false,
    error: null,
    tested: null,
    settings: null,
    show: (open) => set(open ? { open, list: [], busy: false, error: null, tested: null, settings: null } : { open }),
    load: (bridge) =>
      reload(bridge)
        .then(async () => set({ settings: await bridge.call('targets:list', {}) }))
        .catch((e: unknown) => set({ error: shape(e) })),
    test: (bridge, input) => act(async () => set({ tested: await bridge.call('registries:test', input) })),
    add: async (bridge, input) => {
      let added = false;
      await act(async () => {
        await bridge.call('registries:add', input);
        added = true;
        await reload(bridge);
      });
      return added;
    },
    remove: (bridge, host) =>
      act(async () => {
        await bridge.call('registries:remove', { host });
        await reload(bridge);
      }),
  };
});
