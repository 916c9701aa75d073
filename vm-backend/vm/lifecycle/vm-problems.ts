// The VM's problems (shown in its status, translated by code in the VM panel) in words a beginner
// can act on: starting, watching a running VM, re-attaching to one on launch, reset.
import type { VmProblem } from './vm-state';

// Creating and starting (vm-manager.ts, vm-boot.ts).

export const createFailed = (detail: string): VmProblem => ({
  code: 'VM_CREATE_FAILED',
  message: 'The VM folder could not be created.',
  hint: 'Check free disk space and permissions.',
  detail,
});

/** `owner`: the pid of the Wharf that holds the VM's lock. */
export const locked = (owner: number): VmProblem => ({
  code: 'VM_LOCKED',
  message: `Wharf process ${owner} is starting or stopping this VM.`,
  hint: 'Wait for it, or quit that Wharf.',
});

/** A start that failed in a way nothing more specific explains. */
export const didNotStart = (detail: string): VmProblem => ({
  code: 'VM_START_FAILED',
  message: 'The VM did not start.',
  hint: 'See the details and the VM log.',
  detail,
});

/** Shared folders that are gone from this computer: the VM starts without them. */
export const sharesMissing = (paths: string[]): VmProblem => ({
  code: 'VM_SHARE_MISSING',
  message: `A shared folder does not exist any more: ${paths.join(', ')}. The VM starts without it.`,
  hint: 'Create the folder again, or remove it from the shared folders in the VM settings.',
  detail: paths.join('\n'),
});

export const checkFailed = (detail: string): VmProblem => ({
  code: 'VM_CHECK_FAILED',
  message: 'Wharf could not check free disk space and memory.',
  hint: 'Make sure there is room for the VM.',
  detail,
});

export const imageWrongArch = (detail: string): VmProblem => ({
  code: 'IMAGE_WRONG_ARCH',
  message: 'The VM image was built for another kind of processor than this computer has.',
  hint: 'Remove WHARF_VM_IMAGE or WHARF_VM_IMAGE_URL if you set one, then start the VM again: Wharf uses or downloads the image for this computer.',
  detail,
});

/** `code`: the image's own (IMAGE_MISSING, IMAGE_CHECKSUM...). */
export const imageUnusable = (code: VmProblem['code'], detail: string): VmProblem => ({
  code,
  message: 'The VM image is missing or damaged.',
  hint: 'Connect to the internet and start the VM again: Wharf downloads and checks the image. If that fails, reinstall Wharf (its installer includes the image).',
  detail,
});

export const settingsUnreadable = (): VmProblem => ({
  code: 'VM_SETTINGS',
  message: 'The VM settings file is missing or damaged.',
  hint: 'Reset the VM settings.',
});

export const qemuDidNotStart = (detail: string): VmProblem => ({
  code: 'VM_START_FAILED',
  message: 'QEMU did not start.',
  hint: 'See the details.',
  detail,
});

/** The key on this boot's serial console is not the pinned one. */
export const hostKeyChanged = (pinned: string, offered: string): VmProblem => ({
  code: 'VM_HOST_KEY_CHANGED',
  message: 'The VM offered a different SSH host key than the one Wharf pinned.',
  hint: 'If you reset the VM, delete its known_hosts file; otherwise stop and investigate.',
  detail: `pinned ${pinned.slice(0, 40)}..., offered ${offered.slice(0, 40)}...`,
});

/** SSH refused the key while Wharf waited for the guest. */
export const hostKeyMismatch = (detail: string): VmProblem => ({
  code: 'VM_HOST_KEY_CHANGED',
  message: 'The VM SSH host key does not match the pinned one.',
  hint: 'Stop and investigate; reset the VM to start over.',
  detail,
});

export const dataDiskFailed = (detail: string): VmProblem => ({
  code: 'VM_DATA_DISK',
  message: "The VM could not use its data disk (Docker's images, containers and volumes), so Docker was not started.",
  hint: 'Nothing on the disk was changed. Stop the VM and check the details; "Delete data" starts over with an empty disk.',
  detail,
});

export const guestSetupFailed = (detail: string): VmProblem => ({
  code: 'VM_GUEST_SETUP',
  message: 'The VM could not read its setup (seed).',
  hint: 'Reset the VM; if it persists, rebuild the image.',
  detail,
});

/** `detail`: the end of QEMU's log. */
export const exitedWhileStarting = (detail: string): VmProblem => ({
  code: 'VM_EXITED',
  message: 'The VM stopped while starting.',
  hint: 'Start it again; "wharf vm logs" shows its console.',
  detail,
});

export const startTimedOut = (what: string, ms: number, detail?: string): VmProblem => ({
  code: 'VM_START_TIMEOUT',
  message: `The VM did not reach ${what} within ${Math.round(ms / 1000)} s.`,
  hint: 'The computer may be busy; try again, or give the VM more memory.',
  ...(detail ? { detail } : {}),
});

// A running VM (vm-manager.ts's watch).

export const sshUnresponsive = (): VmProblem => ({
  code: 'VM_SSH_UNRESPONSIVE',
  message: 'The VM does not answer over SSH.',
  hint: 'Wharf keeps trying. If it does not come back, restart the VM.',
});

export const engineUnresponsive = (): VmProblem => ({
  code: 'VM_ENGINE_UNRESPONSIVE',
  message: 'Docker inside the VM does not answer.',
  hint: 'Wharf keeps trying. If it does not come back, restart the VM.',
});

export const exitedUnexpectedly = (): VmProblem => ({
  code: 'VM_EXITED',
  message: 'The VM stopped unexpectedly (its QEMU process ended).',
  hint: 'Start it again; your images and volumes are on the data disk.',
});

// On launch (reconcile.ts).

export const brokenNoState = (pid: number): VmProblem => ({
  code: 'VM_BROKEN',
  message: `A QEMU process (pid ${pid}) runs this VM, but Wharf has no record of starting it.`,
  hint: 'Stop it (force stop), then start the VM again.',
});

export const unresponsive = (): VmProblem => ({
  code: 'VM_UNRESPONSIVE',
  message: 'The VM is running, but Docker inside it does not answer.',
  hint: 'Stop the VM and start it again.',
});

// Reset (vm-reset.ts).

export const resetPrepareFailed = (detail: string): VmProblem => ({
  code: 'VM_RESET_PREPARE',
  message: 'The fresh root disk could not be made now.',
  hint: 'Start the VM: the disk is made then.',
  detail,
});

// Before a create or a start (vm-checks.ts): a refusal, or a warning that lets it go ahead.

const gib = (b: number): string => (b / 2 ** 30).toFixed(1);

export const diskFull = (freeBytes: number, minBytes: number): VmProblem => ({
  code: 'VM_DISK_FULL',
  message: `Only ${gib(freeBytes)} GiB is free on the disk that holds the VM; it needs at least ${gib(minBytes)} GiB.`,
  hint: 'Free some disk space (empty the trash, remove large files), then start the VM again.',
  detail: `free=${freeBytes} min=${minBytes}`,
});

/** `marginMiB`: what the host keeps for itself. */
export const memoryTooLarge = (memoryMiB: number, totalMiB: number, marginMiB: number): VmProblem => ({
  code: 'VM_MEMORY_TOO_LARGE',
  message: `The VM is set to ${memoryMiB} MiB of memory, but this computer has ${totalMiB} MiB in all.`,
  hint: `Lower the VM memory to at most ${Math.max(512, totalMiB - marginMiB)} MiB in the VM settings (wharf vm settings --memory N).`,
  detail: `memoryMiB=${memoryMiB} totalMiB=${totalMiB} margin=${marginMiB}`,
});

export const memoryLow = (memoryMiB: number, freeMiB: number): VmProblem => ({
  code: 'VM_MEMORY_LOW',
  message: `Only ${freeMiB} MiB of memory is free now; the VM may use up to ${memoryMiB} MiB.`,
  hint: 'Close other programs, or lower the VM memory, if the computer becomes slow.',
  detail: `memoryMiB=${memoryMiB} freeMiB=${freeMiB}`,
});

/** `mayGrowBytes`: how much more the data disk may take on the host. */
export const diskLow = (diskGiB: number, freeBytes: number, mayGrowBytes: number): VmProblem => ({
  code: 'VM_DISK_LOW',
  message: `The VM's data disk may grow to ${diskGiB} GiB, but only ${gib(freeBytes)} GiB is free.`,
  hint: 'Images and containers will fail to write when the disk fills: free some space, or remove unused images.',
  detail: `free=${freeBytes} mayGrow=${mayGrowBytes}`,
});
