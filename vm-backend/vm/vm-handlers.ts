// The VM's calls for the backend: state, start/stop, console, settings; state changes are emitted.
import { readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { WharfError } from '../api/errors';
import type { VmOverview, VmSettingsResult, VmStatus } from '../api/contract.vm';
import type { VmManager } from './vm-manager';

const noVm = (): WharfError =>
  new WharfError({ code: 'VM_NOT_AVAILABLE', message: 'This Wharf runs without its own VM.', hint: 'Start Wharf with --engine vm to use the VM.', detail: '' });

/** The last `max` bytes of a file ('' when it does not exist). */
export function tail(path: string, max = 64 * 1024): string {
  try {
    const size = statSync(path).size;
    if (size <= max) return readFileSync(path, 'utf8');
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(max);
      readSync(fd, buf, 0, max, size - max);
      return buf.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

export function vmHandlers(vm: VmManager | undefined, emit: (s: VmStatus) => void) {
  if (vm) vm.machine.onChange(emit);
  const need = (): VmManager => {
    if (!vm) throw noVm();
    return vm;
  };
  return {
    'vm:overview': (): VmOverview => ({ available: !!vm, status: vm?.status ?? null, settings: vm?.settings() ?? null }),
    // Long: resolves when the VM is running or failed; progress comes as 'vm:state' events.
    'vm:start': (): Promise<VmStatus> => need().start(),
    'vm:stop': ({ force }: { force?: boolean | undefined }): Promise<VmStatus> => need().stop(force ?? false),
    'vm:console': (): string => tail(need().files.serialLog),
    'vm:settings': (patch: { cpus?: number | undefined; memoryMiB?: number | undefined; diskGiB?: number | undefined }): VmSettingsResult => {
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return need().changeSettings(clean);
    },
  };
}
