// The VM's progress texts (English, from the backend) named by a stable key, so the panel shows
// them in the user's language; a text not listed here is shown as it came (the English).
export interface ProgressKey {
  key: string;
  params?: Record<string, string>;
}

const EXACT: Record<string, string> = {
  'No VM yet': 'none',
  'Creating the VM': 'creating',
  'Created (stopped)': 'created',
  'Checking this computer': 'checkingHost',
  'Checking QEMU': 'checkingQemu',
  'Preparing disks': 'preparingDisks',
  'Waiting for Docker': 'waitingDocker',
  'Docker answers': 'dockerAnswers',
  Running: 'running',
  'Running (re-attached)': 'reattached',
  'Reconnecting to the VM': 'reconnecting',
  'Waiting for Docker in the VM': 'waitingDockerInVm',
  'Stopping Docker': 'stoppingDocker',
  'Stopping (forced)': 'stoppingForced',
  'Powering off the VM': 'poweringOff',
  Stopped: 'stopped',
  'The VM stopped unexpectedly': 'exited',
  'Another Wharf is starting this VM': 'locked',
  'Could not create the VM': 'createFailed',
  'Removing the root disk': 'removingRoot',
  'Creating a fresh root disk': 'freshRoot',
  'Creating a fresh data disk': 'freshData',
  'Reset done': 'resetDone',
  'Reset (the root disk is made at the next start)': 'resetLater',
  'Deleting the data disk': 'deletingData',
  'Data deleted': 'dataDeleted',
  'A VM process is running without its state': 'brokenNoState',
  'The VM process runs but its engine does not answer': 'brokenNoEngine',
};

export function progressKey(progress: string): ProgressKey | null {
  const exact = EXACT[progress];
  if (exact) return { key: exact };
  const boot = /^Booting Linux \((.+)\)$/.exec(progress);
  if (boot)
    return boot[1] === 'software emulation'
      ? { key: 'bootingTcg' }
      : { key: 'booting', params: { accel: boot[1] ?? '' } };
  return null;
}

/** Every key progressKey can give (the catalog test checks each has a translation). */
export const PROGRESS_KEYS: readonly string[] = [...new Set([...Object.values(EXACT), 'booting', 'bootingTcg'])];
