// Calls for Wharf's own VM (its state also arrives as the 'vm:state' event).
import { z } from 'zod';
import type { VmStatus } from './vm-types';
import { call } from './define';

export type { VmStatus, VmStateName, StartPhase, VmProblem } from './vm-types';

export interface VmSettingsView {
  cpus: number;
  memoryMiB: number;
  diskGiB: number;
  network: boolean;
}

/** What the VM panel shows; `available` is false when this Wharf runs without a VM. */
export interface VmOverview {
  available: boolean;
  status: VmStatus | null;
  settings: VmSettingsView | null;
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

export const vmCalls = {
  'vm:overview': call<typeof empty, VmOverview>(empty),
  'vm:start': call<typeof empty, VmStatus>(empty),
  'vm:stop': call<z.ZodObject<{ force: z.ZodOptional<z.ZodBoolean> }>, VmStatus>(z.object({ force: z.boolean().optional() }).strict()),
  /** The end of the VM's serial console log (the boot messages and Wharf's seed lines). */
  'vm:console': call<typeof empty, string>(empty),
  'vm:settings': call<z.ZodObject<{ cpus: z.ZodOptional<z.ZodNumber>; memoryMiB: z.ZodOptional<z.ZodNumber>; diskGiB: z.ZodOptional<z.ZodNumber> }>, VmSettingsResult>(
    z.object({ cpus: z.number().int().min(1).max(64).optional(), memoryMiB: z.number().int().min(512).max(262144).optional(), diskGiB: z.number().int().min(4).max(4096).optional() }).strict(),
  ),
};
