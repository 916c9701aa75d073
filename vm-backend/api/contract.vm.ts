// Calls for Wharf's own VM (its state also arrives as the 'vm:state' event).
import { z } from 'zod';
import type { VmDataSummary, VmDiagnoseResult, VmProblem, VmStatus } from './vm-types';
import { call } from './define';
import { VM_LIMITS } from './rules/vm-settings-rules';
import { sharesSchema } from './rules/vm-share-rules';

export type { VmStatus, VmStateName, StartPhase, VmProblem, VmDataSummary, VmDiagnoseResult } from './vm-types';

export interface VmSettingsView {
  cpus: number;
  memoryMiB: number;
  diskGiB: number;
  network: boolean;
  /** The folders of this computer mounted in the VM at the same path (home by default). */
  shares: string[];
}

/** What the VM panel shows. The VM lives beside the active engine, whichever it is; `available`
 *  is false only when Wharf cannot set it up here (`problem` says why). */
export interface VmOverview {
  available: boolean;
  status: VmStatus | null;
  settings: VmSettingsView | null;
  /** This computer's CPUs and memory, for the settings form's limits. */
  host?: { cpus: number; memoryMiB: number };
  /** The VM is the active engine (the `vm` target). */
  inUse?: boolean;
  /** The active engine's target name. */
  engine?: string;
  problem?: VmProblem;
}

export interface VmSettingsResult {
  settings: VmSettingsView;
  applied: boolean;
  /** Fields that take effect after the VM restarts. */
  needsRestart: string[];
  restartNeeded: boolean;
  refused: { field: string; reason: string }[];
}

const empty = z.object({}).strict();
const stop = z.object({ force: z.boolean().optional() }).strict();
/** The destructive calls need an explicit `confirm: true`: a mistaken call does nothing. */
const confirmed = z.object({ confirm: z.literal(true) }).strict();
const diagnose = z.object({ inline: z.boolean().optional() }).strict();
const int = (l: { min: number; max: number }): z.ZodOptional<z.ZodNumber> =>
  z.number().int().min(l.min).max(l.max).optional();
const settings = z
  .object({
    cpus: int(VM_LIMITS.cpus),
    memoryMiB: int(VM_LIMITS.memoryMiB),
    diskGiB: int(VM_LIMITS.diskGiB),
    shares: sharesSchema.optional(),
  })
  .strict();

export const vmCalls = {
  'vm:overview': call<typeof empty, VmOverview>(empty),
  'vm:start': call<typeof empty, VmStatus>(empty),
  'vm:stop': call<typeof stop, VmStatus>(stop),
  /** Stop, then start (settings that need a restart take effect). */
  'vm:restart': call<typeof empty, VmStatus>(empty),
  /** A fresh root disk and SSH host key; images, containers and volumes (the data disk) stay. */
  'vm:reset': call<typeof confirmed, VmStatus>(confirmed),
  /** Empties the data disk: every image, container and volume in the VM is lost. */
  'vm:delete-data': call<typeof confirmed, VmStatus>(confirmed),
  /** What delete-data would lose (counts when the VM runs). */
  'vm:data-summary': call<typeof empty, VmDataSummary>(empty),
  /** Logs, state and host facts as a .tar.gz (never keys or the boot nonce). */
  'vm:diagnose': call<typeof diagnose, VmDiagnoseResult>(diagnose),
  /** The end of the VM's serial console log (the boot messages and Wharf's seed lines). */
  'vm:console': call<typeof empty, string>(empty),
  'vm:settings': call<typeof settings, VmSettingsResult>(settings),
};
