// The VM's calls for the backend: state, start/stop/restart, reset and delete-data (confirmed),
// diagnose, console, settings; state changes are emitted.
import { cpus, totalmem } from 'node:os';
import { WharfError } from '../api/errors';
import type { VmDataSummary, VmDiagnoseResult, VmOverview, VmSettingsResult, VmStatus } from '../api/contract.vm';
import { diagnoseBundle, issueDiagnoseTicket } from './vm-diagnose';
import type { VmManager } from './vm-manager';
import { dataSummary, deleteVmData, resetVm } from './vm-reset';
import { tail } from './vm-tail';

export { tail } from './vm-tail';

const noVm = (): WharfError =>
  new WharfError({ code: 'VM_NOT_AVAILABLE', message: 'Wharf is using another engine, not its own VM.', hint: 'Switch to the "vm" engine (Engines… in the sidebar, or: wharf context use vm).', detail: '' });

export function vmHandlers(vm: VmManager | undefined, emit: (s: VmStatus) => void) {
  if (vm) vm.machine.onChange(emit);
  const need = (): VmManager => {
    if (!vm) throw noVm();
    return vm;
  };
  return {
    'vm:overview': (): VmOverview => ({
      available: !!vm,
      status: vm?.status ?? null,
      settings: vm?.settings() ?? null,
      host: { cpus: cpus().length, memoryMiB: Math.floor(totalmem() / 2 ** 20) },
    }),
    // Long: resolves when the VM is running or failed; progress comes as 'vm:state' events.
    'vm:start': (): Promise<VmStatus> => need().start(),
    'vm:stop': ({ force }: { force?: boolean | undefined }): Promise<VmStatus> => need().stop(force ?? false),
    'vm:restart': (): Promise<VmStatus> => need().restart(),
    'vm:reset': (_: { confirm: true }): Promise<VmStatus> => resetVm(need()),
    'vm:delete-data': (_: { confirm: true }): Promise<VmStatus> => deleteVmData(need()),
    'vm:data-summary': (): Promise<VmDataSummary> => dataSummary(need()),
    'vm:diagnose': async ({ inline }: { inline?: boolean | undefined }): Promise<VmDiagnoseResult> => {
      const b = await diagnoseBundle(need());
      return { name: b.name, bytes: b.data.length, files: b.files, ticket: issueDiagnoseTicket(b.name, b.data), ...(inline ? { base64: b.data.toString('base64') } : {}) };
    },
    'vm:console': (): string => tail(need().files.serialLog),
    'vm:settings': (patch: { cpus?: number | undefined; memoryMiB?: number | undefined; diskGiB?: number | undefined }): VmSettingsResult => {
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return need().changeSettings(clean);
    },
  };
}
