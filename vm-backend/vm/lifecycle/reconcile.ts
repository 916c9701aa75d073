// On launch, before anything is shown: what is this VM's folder really in? A VM left running by a
// previous app run is re-attached, stale pid/lock files are removed, and an interrupted start
// never sticks in "starting".
import { existsSync, rmSync } from 'node:fs';
import type { VmDriver } from '../driver';
import { pidAlive, readPid } from '../qemu/pids';
import { clearRuntime, readRuntime, readSettings, type VmRuntime } from './vm-runtime';
import type { VmFiles } from '../vm-files';
import { brokenNoState, unresponsive } from './vm-problems';
import type { VmProblem, VmStateName } from './vm-state';

export interface ReconcileResult {
  state: VmStateName;
  progress: string;
  runtime?: VmRuntime;
  problem?: VmProblem;
  notice?: string;
}

/** `probe` checks, quickly, that the guest answers with this boot's nonce and its engine pings. */
export async function reconcile(
  files: VmFiles,
  driver: VmDriver,
  probe: (rt: VmRuntime) => Promise<boolean>,
): Promise<ReconcileResult> {
  if (!existsSync(files.dir) || !readSettings(files)) return { state: 'absent', progress: 'No VM yet' };
  const lockOwner = readPid(files.lock);
  if (lockOwner !== null && lockOwner !== process.pid && !pidAlive(lockOwner)) rmSync(files.lock, { force: true });
  const rt = readRuntime(files);
  const pid = driver.alivePid(files); // removes a stale pid file
  if (pid === null) {
    rmSync(files.pid, { force: true });
    rmSync(files.qmp, { force: true });
    clearRuntime(files);
    if (rt && rt.phase !== 'stopping') {
      return {
        state: 'stopped',
        progress: 'Stopped',
        notice:
          rt.phase === 'starting'
            ? 'The last start was interrupted; the VM is stopped.'
            : 'The VM stopped without Wharf asking it to (its process ended).',
      };
    }
    return { state: 'stopped', progress: 'Stopped' };
  }
  if (!rt) {
    return {
      state: 'broken',
      progress: 'A VM process is running without its state',
      problem: brokenNoState(pid),
    };
  }
  if (await probe(rt))
    return { state: 'running', progress: 'Running (re-attached)', runtime: { ...rt, phase: 'running' } };
  return {
    state: 'broken',
    progress: 'The VM process runs but its engine does not answer',
    runtime: rt,
    problem: unresponsive(),
  };
}
