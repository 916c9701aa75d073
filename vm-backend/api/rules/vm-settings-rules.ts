// A VM's resources and the rules for changing them, shared by the backend (which applies them)
// and the VM panel's form (which says what is wrong before anything is sent). Pure.
import { z } from 'zod';
import { shareIssues, sharesSchema } from './vm-share-rules';

export const VM_LIMITS = {
  cpus: { min: 1, max: 64 },
  memoryMiB: { min: 512, max: 262144 },
  diskGiB: { min: 4, max: 4096 },
} as const;
/** What the host keeps for itself: the VM may not be given more than total memory minus this. */
export const HOST_MEMORY_MARGIN_MIB = 512;

export const vmSettingsSchema = z.object({
  cpus: z.number().int().min(VM_LIMITS.cpus.min).max(VM_LIMITS.cpus.max),
  memoryMiB: z.number().int().min(VM_LIMITS.memoryMiB.min).max(VM_LIMITS.memoryMiB.max),
  /** Docker's data disk. */
  diskGiB: z.number().int().min(VM_LIMITS.diskGiB.min).max(VM_LIMITS.diskGiB.max),
  /** Off: QEMU `restrict=on`, the guest reaches nothing outside (tests). */
  network: z.boolean(),
  /** Folders of this computer mounted in the VM at the same path; absent: the home folder. */
  shares: sharesSchema.optional(),
});
export type VmSettings = z.infer<typeof vmSettingsSchema>;
export type ResourceField = keyof typeof VM_LIMITS;

export interface HostLimits {
  cpus: number;
  memoryMiB: number;
}

/** Why a value is refused; `limit` is the number the message names. */
export interface SettingsIssue {
  field: ResourceField;
  code: 'whole' | 'min' | 'max' | 'shrink' | 'host-cpus' | 'host-memory';
  limit: number;
  reason: string;
}

/** The most memory this host can give a VM. */
const maxVmMemoryMiB = (host: HostLimits): number =>
  Math.max(VM_LIMITS.memoryMiB.min, host.memoryMiB - HOST_MEMORY_MARGIN_MIB);

/** Every problem with `next` as a change of `current` on this host (empty: fine). */
export function settingsIssues(
  current: VmSettings,
  next: Record<ResourceField, number>,
  host: HostLimits,
): SettingsIssue[] {
  const out: SettingsIssue[] = [];
  for (const field of Object.keys(VM_LIMITS) as ResourceField[]) {
    const v = next[field];
    const { min, max } = VM_LIMITS[field];
    if (!Number.isInteger(v)) out.push({ field, code: 'whole', limit: 0, reason: 'must be a whole number' });
    else if (v < min) out.push({ field, code: 'min', limit: min, reason: `must be at least ${min}` });
    // This computer's limit first: it is the one that matters when it is lower than the schema's.
    else if (field === 'cpus' && v > host.cpus && host.cpus <= max)
      out.push({ field, code: 'host-cpus', limit: host.cpus, reason: `this computer has ${host.cpus} CPUs` });
    else if (
      field === 'memoryMiB' &&
      v !== current.memoryMiB &&
      v > maxVmMemoryMiB(host) &&
      maxVmMemoryMiB(host) <= max
    )
      out.push({
        field,
        code: 'host-memory',
        limit: maxVmMemoryMiB(host),
        reason: `leave this computer at least ${HOST_MEMORY_MARGIN_MIB} MiB (it has ${host.memoryMiB} MiB): at most ${maxVmMemoryMiB(host)} MiB`,
      });
    else if (v > max) out.push({ field, code: 'max', limit: max, reason: `must be at most ${max}` });
    else if (field === 'diskGiB' && v < current.diskGiB)
      out.push({
        field,
        code: 'shrink',
        limit: current.diskGiB,
        reason: `the data disk can only grow (it is ${current.diskGiB} GiB)`,
      });
  }
  return out;
}

export interface SettingsChange {
  settings: VmSettings;
  /** Fields that take effect only after a restart of a running VM. */
  needsRestart: (keyof VmSettings)[];
  /** Refused changes with the reason; nothing is applied when this is not empty. */
  refused: { field: keyof VmSettings; reason: string }[];
}

/** What applying `patch` over `current` would do. */
export function planSettings(
  current: VmSettings,
  patch: Partial<VmSettings>,
  hostCpus: number,
  hostMemMiB: number,
): SettingsChange {
  const merged = { ...current, ...patch };
  const issues = settingsIssues(current, merged, { cpus: hostCpus, memoryMiB: hostMemMiB });
  const refused: SettingsChange['refused'] = issues.map((i) => ({ field: i.field, reason: i.reason }));
  if (merged.shares)
    for (const s of shareIssues(merged.shares))
      refused.push({ field: 'shares', reason: `${s.path}: ${s.code}${s.other ? ` (${s.other})` : ''}` });
  const settings = refused.length ? current : vmSettingsSchema.parse(merged);
  // Every resource (and every shared folder) is fixed when QEMU starts: any change waits for a restart.
  const same = (k: keyof VmSettings): boolean => JSON.stringify(merged[k]) === JSON.stringify(current[k]);
  const needsRestart = (Object.keys(merged) as (keyof VmSettings)[]).filter((k) => !same(k));
  return { settings, needsRestart, refused };
}
