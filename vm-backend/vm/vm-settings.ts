// A VM's resources. Changes to a running VM are classified before they are applied: which need a
// restart, and which are refused (the data disk only grows).
import { z } from 'zod';

export const vmSettingsSchema = z.object({
  cpus: z.number().int().min(1).max(64),
  memoryMiB: z.number().int().min(512).max(262144),
  /** Docker's data disk. */
  diskGiB: z.number().int().min(4).max(4096),
  /** Off: QEMU `restrict=on`, the guest reaches nothing outside (tests). */
  network: z.boolean(),
});
export type VmSettings = z.infer<typeof vmSettingsSchema>;

export function defaultSettings(hostCpus: number, hostMemMiB: number): VmSettings {
  return {
    cpus: Math.max(1, Math.min(4, hostCpus)),
    memoryMiB: Math.max(1024, Math.min(4096, Math.floor(hostMemMiB / 2 / 256) * 256)),
    diskGiB: 64,
    network: true,
  };
}

export interface SettingsChange {
  settings: VmSettings;
  /** Fields that take effect only after a restart of a running VM. */
  needsRestart: (keyof VmSettings)[];
  /** Refused changes with the reason; nothing is applied when this is not empty. */
  refused: { field: keyof VmSettings; reason: string }[];
}

/** What applying `patch` over `current` would do. */
export function planSettings(current: VmSettings, patch: Partial<VmSettings>, hostCpus: number, hostMemMiB: number): SettingsChange {
  const next = vmSettingsSchema.parse({ ...current, ...patch });
  const refused: SettingsChange['refused'] = [];
  if (next.diskGiB < current.diskGiB) refused.push({ field: 'diskGiB', reason: `the data disk can only grow (it is ${current.diskGiB} GiB)` });
  if (next.cpus > hostCpus) refused.push({ field: 'cpus', reason: `this computer has ${hostCpus} CPUs` });
  if (next.memoryMiB > hostMemMiB - 512) refused.push({ field: 'memoryMiB', reason: `leave this computer at least 512 MiB (it has ${hostMemMiB} MiB)` });
  const needsRestart = (Object.keys(next) as (keyof VmSettings)[]).filter((k) => next[k] !== current[k]);
  return { settings: next, needsRestart, refused };
}
