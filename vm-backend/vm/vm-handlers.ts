// The VM's calls for the backend: state, start/stop/restart, reset and delete-data (confirmed),
// diagnose, console, settings. They reach the backend's one VM (vm-host.ts) whatever engine is
// active; its state changes arrive as 'vm:state' events from the host.
import { cpus, totalmem } from 'node:os';
import type { CallName } from '../api/contract';
import type { WharfError } from '../api/errors';
import type { HandlerMap } from '../api/handler';
import type {
  VmDataSummary,
  VmDiagnoseResult,
  VmOverview,
  VmSettingsResult,
  VmSettingsView,
  VmStatus,
} from '../api/contract.vm';
import { diagnoseBundle, issueDiagnoseTicket } from './diagnose/vm-diagnose';
import type { VmHost } from './vm-host';
import type { VmManager } from './lifecycle/vm-manager';
import { dataSummary, deleteVmData, resetVm } from './vm-reset';
import { vmNotAvailable } from './vm-errors';
import { tail } from './diagnose/vm-tail';
import { settingsView } from './vm-shares';

/** The active engine, as the VM panel needs it: its target's name and whether it is this VM. */
export interface ActiveEngine {
  target: string;
  isVm: boolean;
}

export type VmCall = Extract<CallName, `vm:${string}`>;

export function vmHandlers(host: VmHost, engine: () => ActiveEngine): HandlerMap<VmCall> {
  const need = async (): Promise<VmManager> => {
    try {
      return await host.get();
    } catch (err) {
      throw vmNotAvailable((err as Error).message);
    }
  };
  return {
    'vm:overview': async (): Promise<VmOverview> => {
      const e = engine();
      const hostFacts = { cpus: cpus().length, memoryMiB: Math.floor(totalmem() / 2 ** 20) };
      try {
        const vm = await need();
        return {
          available: true,
          status: vm.status,
          settings: settingsView(vm.settings()),
          host: hostFacts,
          inUse: e.isVm,
          engine: e.target,
        };
      } catch (err) {
        const p = (err as WharfError).toJSON();
        return {
          available: false,
          status: null,
          settings: null,
          host: hostFacts,
          inUse: false,
          engine: e.target,
          problem: { code: p.code, message: p.message, hint: p.hint, detail: p.detail },
        };
      }
    },
    // Long: resolves when the VM is running or failed; progress comes as 'vm:state' events.
    'vm:start': async (): Promise<VmStatus> => (await need()).start(),
    'vm:stop': async ({ force }: { force?: boolean | undefined }): Promise<VmStatus> =>
      (await need()).stop(force ?? false),
    'vm:restart': async (): Promise<VmStatus> => (await need()).restart(),
    'vm:reset': async (_: { confirm: true }): Promise<VmStatus> => resetVm(await need()),
    'vm:delete-data': async (_: { confirm: true }): Promise<VmStatus> => deleteVmData(await need()),
    'vm:data-summary': async (): Promise<VmDataSummary> => dataSummary(await need()),
    'vm:diagnose': async ({ inline }: { inline?: boolean | undefined }): Promise<VmDiagnoseResult> => {
      const b = await diagnoseBundle(await need());
      return {
        name: b.name,
        bytes: b.data.length,
        files: b.files,
        ticket: issueDiagnoseTicket(b.name, b.data),
        ...(inline ? { base64: b.data.toString('base64') } : {}),
      };
    },
    'vm:console': async (): Promise<string> => tail((await need()).files.serialLog),
    'vm:settings': async (patch: {
      cpus?: number | undefined;
      memoryMiB?: number | undefined;
      diskGiB?: number | undefined;
      shares?: string[] | undefined;
    }): Promise<VmSettingsResult> => {
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const r = (await need()).changeSettings(clean);
      return { ...r, settings: settingsView(r.settings) as VmSettingsView };
    },
  };
}
