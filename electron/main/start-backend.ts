// Start-up without a blocking boot: the backend is made at once on the chosen target. For Wharf's
// VM, a VM that already runs is used as is; otherwise the backend starts on a stand-in engine that
// shows the VM starting (vm-starting-connection.ts) while the `vm` target is reached (which starts
// the VM, its progress shown in the window) and switched to. A failed boot leaves the window open
// with the VM's problem and Start; when the user starts it later, the switch happens then.
import type { Backend } from '../../vm-backend/wiring/backend-types';
import type { Connected, Connector } from '../../vm-backend/wiring/connect-target';
import type { Connection } from '../../vm-backend/connection/connection';
import type { Target } from '../../vm-backend/connection/targets';
import type { VmStatus } from '../../vm-backend/api/vm-types';
import type { VmStates } from '../../vm-backend/vm/guest/vm-down';
import { vmStartingConnection } from './vm-starting-connection';

/** What start-up needs of the VM's manager (vm/lifecycle/vm-manager.ts). */
export interface StartupVm {
  readonly status: VmStatus;
  readonly machine: VmStates;
  readonly files: { dir: string };
  reconcile(): Promise<VmStatus>;
  close(): void;
}

export interface StartBackendDeps<V extends StartupVm> {
  target: Target;
  connect: Connector;
  makeVm(): V;
  /** The engine inside a running VM (vm/guest/vm-connection.ts); throws when it is not running. */
  vmConnection(vm: V): Connection;
  create(connected: { connection: Connection; vm?: V }): Backend;
  log?: (line: string) => void;
}

const up = (s: VmStatus): boolean => s.state === 'running' || s.state === 'degraded';

export async function startBackend<V extends StartupVm>(deps: StartBackendDeps<V>): Promise<Backend> {
  if (deps.target.engine !== 'vm') {
    const connected: Connected = await deps.connect(deps.target);
    return deps.create({ connection: connected.connection });
  }
  const vm = deps.makeVm();
  try {
    await vm.reconcile();
  } catch (err) {
    vm.close();
    throw err;
  }
  if (up(vm.status)) {
    try {
      return deps.create({ connection: deps.vmConnection(vm), vm });
    } catch {
      // Its runtime file says otherwise: go the starting way, which reconnects properly.
    }
  }
  const standIn = vmStartingConnection(vm.machine, vm.files.dir);
  let replaced = false;
  const close = standIn.close;
  standIn.close = async () => {
    replaced = true;
    await close();
  };
  const backend = deps.create({ connection: standIn, vm });
  let switching = false;
  const reach = (): void => {
    if (replaced || switching) return;
    switching = true;
    // Starts the VM unless it is up or on its way, waits for it, then makes its engine the active one.
    void backend
      .invoke('targets:use', { name: deps.target.name })
      .then((r) => {
        if (!r.ok) deps.log?.(`wharf: the VM did not start: ${r.error.message}`);
      })
      .finally(() => {
        switching = false;
      });
  };
  // Started again from the window after a failed boot: switch once it runs.
  const off = vm.machine.onChange((s) => {
    if (replaced) off();
    else if (up(s)) reach();
  });
  reach();
  return backend;
}
