// The VM's refusals and failures as WharfErrors, for the vm:* calls, the CLI and the engine switch.
// (Problems shown in the VM's status, VmProblem, are made where the lifecycle finds them.)
import { WharfError } from '../api/errors';

export const vmNotAvailable = (detail: string): WharfError =>
  new WharfError({
    code: 'VM_NOT_AVAILABLE',
    message: 'Wharf cannot set up its VM on this computer.',
    hint: "See the details; check that Wharf's data folder is writable and QEMU is installed.",
    detail: detail.slice(0, 2000),
  });

export function vmStartFailed(detail: string): WharfError {
  return new WharfError({
    code: 'VM_START_FAILED',
    message: 'Wharf could not start its VM.',
    hint: 'Open the VM panel to see what happened, or run: wharf vm status',
    detail: detail.slice(0, 2000),
  });
}

export const vmAbsent = (action: string): WharfError =>
  new WharfError({
    code: 'VM_ABSENT',
    message: `There is no VM to ${action} yet.`,
    hint: 'Create it first: wharf vm create',
    detail: '',
  });

export const vmBusy = (state: string, action: string): WharfError =>
  new WharfError({
    code: 'VM_BUSY',
    message: `The VM is ${state}; it cannot ${action} now.`,
    hint: 'Wait until it is running or stopped, then try again.',
    detail: `state=${state}`,
  });

/** `file`: the settings file's path. */
export const vmSettingsDamaged = (file: string): WharfError =>
  new WharfError({
    code: 'VM_SETTINGS',
    message: 'The VM settings file is missing or damaged.',
    hint: 'Delete the VM and create it again.',
    detail: file,
  });

export const diagnoseExpired = (detail = 'unknown or used ticket'): WharfError =>
  new WharfError({
    code: 'DOWNLOAD_EXPIRED',
    message: 'This download link has expired.',
    hint: 'Click Diagnose again.',
    detail,
  });
