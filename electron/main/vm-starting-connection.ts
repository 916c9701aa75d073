// The engine of the `vm` target while its VM boots in the open window: nothing to dial yet, so
// the engine state says why, in the VM's own words (VM_ENGINE_STARTING, _STOPPED, _DIED: the main
// view's "VM is starting" banner with Start as the way out), and follows the VM's state. Once the
// VM runs, the desktop switches to the real engine (targets:use), which replaces this connection.
import { join } from 'node:path';
import { WharfError } from '../../vm-backend/api/errors';
import type { WharfErrorShape } from '../../vm-backend/api/types';
import type { Connection } from '../../vm-backend/connection/connection';
import { type VmStates, vmDownError } from '../../vm-backend/vm/guest/vm-down';

/** The VM runs but its engine is not this connection's: still "starting" until the switch. */
function engineComing(name: string): WharfError {
  return new WharfError({
    code: 'VM_ENGINE_STARTING',
    message: `Wharf's VM "${name}" is starting; its containers can be reached once it runs.`,
    hint: 'Wait for the VM to finish starting.',
    detail: 'VM state: running (connecting to its engine)',
    params: { vm: name },
  });
}

export function vmStartingConnection(machine: VmStates, vmDir: string): Connection {
  // A socket that does not exist: any request fails at once (ENOENT), never reaching anything.
  const socketPath = join(vmDir, 'engine-not-up-yet.sock');
  const offs = new Set<() => void>();
  const why = (): WharfErrorShape => (vmDownError(machine.status) ?? engineComing(machine.status.name)).toJSON();
  return {
    kind: 'vm',
    endpoint: `vm:${machine.status.name}`,
    dockerOptions: () => ({ socketPath }),
    httpOptions: () => ({ socketPath }),
    linkEvents: {
      reconnecting: () => false,
      down: why,
      details: () => ({}),
      onChange(listener) {
        let last = why().code;
        const off = machine.onChange(() => {
          const code = why().code;
          if (code === last) return;
          last = code;
          listener('down');
        });
        offs.add(off);
        return () => {
          off();
          offs.delete(off);
        };
      },
    },
    close: async () => {
      for (const off of [...offs]) off();
      offs.clear();
    },
  };
}
