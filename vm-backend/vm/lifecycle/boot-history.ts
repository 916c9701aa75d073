// How long the last starts of this VM took (Start -> Docker answers), kept in the VM's folder so
// the boot progress can say "usually about 20 s on this computer". A damaged file is only history:
// it is read as empty and replaced by the next boot.
import { readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { Accel } from '../qemu/accel';

/** The last few boots are enough for a typical figure and follow a slower or faster host. */
export const KEEP_BOOTS = 5;

const bootSchema = z.object({
  ms: z.number().int().positive(),
  accel: z.enum(['hvf', 'kvm', 'whpx', 'tcg']),
  at: z.number().int(),
});
const historySchema = z.object({ boots: z.array(bootSchema) });
export type BootRecord = z.infer<typeof bootSchema>;

export function readBootHistory(path: string): BootRecord[] {
  try {
    const r = historySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return r.success ? r.data.boots : [];
  } catch {
    return [];
  }
}

/** Appends one boot and keeps the last KEEP_BOOTS; a write that fails loses only the figure. */
export function recordBoot(path: string, boot: BootRecord): BootRecord[] {
  const boots = [...readBootHistory(path), boot].slice(-KEEP_BOOTS);
  try {
    writeFileAtomic.sync(path, `${JSON.stringify({ boots }, null, 2)}\n`, { mode: 0o600 });
  } catch {
    // the VM started; only the estimate for the next boot is lost
  }
  return boots;
}

/** The median of the recorded boots with this accelerator (other accelerators take another time). */
export function typicalBootMs(boots: readonly BootRecord[], accel: Accel): number | undefined {
  const ms = boots
    .filter((b) => b.accel === accel)
    .map((b) => b.ms)
    .sort((a, b) => a - b);
  if (ms.length === 0) return undefined;
  const mid = Math.floor(ms.length / 2);
  return ms.length % 2 ? (ms[mid] as number) : Math.round(((ms[mid - 1] as number) + (ms[mid] as number)) / 2);
}

/** Before the accelerator is known: the typical time with the one the last start used. */
export function typicalNextBootMs(path: string): number | undefined {
  const boots = readBootHistory(path);
  const last = boots.at(-1);
  return last ? typicalBootMs(boots, last.accel) : undefined;
}
