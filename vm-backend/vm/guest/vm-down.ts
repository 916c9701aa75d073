// While the `vm` engine is active and its VM is not up (stopped, stopping, starting again, or
// died), nothing can reach the engine until the user starts it: say so at once, in the VM's own
// words, rather than wait for an SSH link that cannot come back (issue 15 items 3 and 4). The
// forwarded ports close, the host Docker socket answers 503 with this message, and the engine
// state says it, with Start as the way out; never advice for a Linux dockerd.
import { WharfError } from '../../api/errors';
import type { LinkEvents } from '../../connection/connection';
import type { SshConnection } from '../../connection/ssh/ssh-connection';
import type { VmStatus } from '../lifecycle/vm-state';

/** Why the VM's engine cannot be reached in this VM state, or null when the VM is up. */
export function vmDownError(s: VmStatus): WharfError | null {
  if (s.state === 'running' || s.state === 'degraded') return null;
  const died = s.state === 'error' || s.state === 'broken';
  if (died)
    return new WharfError({
      code: 'VM_ENGINE_DIED',
      message: `Wharf's VM "${s.name}" stopped unexpectedly, so its containers cannot be reached.`,
      hint: 'Start the VM again (Start, or: wharf vm start); your images, containers and volumes are on its data disk.',
      detail: s.problem ? `${s.problem.code}: ${s.problem.message}` : `VM state: ${s.state}`,
      params: { vm: s.name },
    });
  if (s.state === 'starting')
    return new WharfError({
      code: 'VM_ENGINE_STARTING',
      message: `Wharf's VM "${s.name}" is starting; its containers can be reached once it runs.`,
      hint: 'Wait for the VM to finish starting.',
      detail: `VM state: starting${s.phase ? ` (${s.phase})` : ''}`,
      params: { vm: s.name },
    });
  return new WharfError({
    code: 'VM_ENGINE_STOPPED',
    message: `Wharf's VM "${s.name}" is stopped, so its containers cannot be reached.`,
    hint: 'Start the VM (Start, or: wharf vm start).',
    detail: `VM state: ${s.state}`,
    params: { vm: s.name },
  });
}

export interface VmStates {
  readonly status: VmStatus;
  onChange(listener: (s: VmStatus) => void): () => void;
}

/**
 * Ties an SSH connection to its VM's state: while the VM is not up, its forwards close and stay
 * closed, linkEvents.down() says why and 'down' is sent to the session. Returns the unsubscribe.
 */
export function gateOnVm(conn: SshConnection, machine: VmStates): () => void {
  const base = conn.linkEvents as LinkEvents;
  const listeners = new Set<(s: 'ready' | 'reconnecting' | 'failed' | 'down') => void>();
  let down = vmDownError(machine.status);
  const apply = (s: VmStatus): void => {
    const was = down;
    down = vmDownError(s);
    if (down && !was) conn.ports.suspend();
    // Back up: the session reconnects (the SSH link may have come back while the VM was starting).
    if (!down && was) {
      conn.ports.resume();
      for (const l of listeners) l('ready');
    }
    if (down && down.code !== was?.code) for (const l of listeners) l('down');
  };
  conn.linkEvents = {
    ...base,
    down: () => down?.toJSON() ?? null,
    onChange(listener) {
      const off = base.onChange(listener);
      listeners.add(listener);
      return () => {
        off();
        listeners.delete(listener);
      };
    },
  };
  if (down) conn.ports.suspend();
  return machine.onChange(apply);
}
