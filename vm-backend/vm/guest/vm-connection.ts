// The engine inside the running VM, reached through the shared SSH connection (one ssh2 client,
// a channel per request), with the host key pinned from the VM's serial console.
import type { Connection } from '../../connection/connection';
import { sshConnection, type SshConnection } from '../../connection/ssh/ssh-connection';
import type { VmManager } from '../lifecycle/vm-manager';
import { readRuntime } from '../lifecycle/vm-runtime';
import { gateOnVm } from './vm-down';

class VmNotRunning extends Error {}

export function vmConnection(vm: VmManager): SshConnection {
  const rt = readRuntime(vm.files);
  if (rt?.phase !== 'running')
    throw new VmNotRunning(`the VM "${vm.status.name}" is not running: start it with "wharf vm start"`);
  const c = sshConnection({
    target: { user: 'root', host: '127.0.0.1', port: rt.sshPort },
    identity: vm.files.key,
    dataDir: vm.files.dir,
    keepaliveIntervalMs: 5000,
    // Reached on this machine's loopback, but the guest is another machine: a port held here is
    // another program's, never the engine's own (which would make the forward unnecessary).
    sameHost: false,
  });
  // While the VM is not up, refuse at once (closed forwards, 503 on the host socket) and say so.
  const offGate = gateOnVm(c, vm.machine);
  const close = c.close;
  // Still an SSH engine for the host socket and published ports; the endpoint says it is the VM.
  return Object.assign(c, {
    endpoint: `vm:${vm.status.name} (${c.endpoint})`,
    close: async () => {
      offGate();
      await close();
    },
  }) satisfies Connection;
}
