// Gathers the facts chooseAccel needs from this host, and remembers accelerators that hung.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { readSettingsFile, writeSettingsFileSync } from '../../connection/settings-file';
import { type Accel, type AccelChoice, type AccelFacts, chooseAccel, parseAccelHelp } from './accel';
import { hostArch } from '../guest-arch';

const run = promisify(execFile);
const hungFile = (vmsRoot: string): string => join(vmsRoot, 'accel-hung.json');

const hungSchema = z.array(z.enum(['hvf', 'kvm', 'whpx', 'tcg']));

function readHung(vmsRoot: string): Accel[] {
  return readSettingsFile(hungFile(vmsRoot), hungSchema, []);
}

export function markHung(vmsRoot: string, accel: Accel): void {
  writeSettingsFileSync(hungFile(vmsRoot), [...new Set([...readHung(vmsRoot), accel])]);
}

async function accelFacts(qemuBin: string, vmsRoot: string): Promise<AccelFacts> {
  let help = '';
  try {
    help = (await run(qemuBin, ['-accel', 'help'], { timeout: 10_000 })).stdout;
  } catch {
    // no QEMU: chooseAccel still answers (tcg); the driver reports QEMU missing
  }
  let kvmDevice = false;
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
    kvmDevice = true;
  } catch {
    kvmDevice = false;
  }
  // sameArch: an image of another architecture is refused before this (image.ts checkImageArch).
  return {
    platform: process.platform,
    sameArch: hostArch() !== null,
    qemuAccels: parseAccelHelp(help),
    kvmDevice,
    hung: readHung(vmsRoot),
  };
}

/** WHARF_VM_ACCEL forces one (tests use tcg: KVM hangs on the build machines). */
export async function pickAccel(qemuBin: string, vmsRoot: string, env = process.env): Promise<AccelChoice> {
  const forced = env.WHARF_VM_ACCEL as Accel | undefined;
  if (forced && ['hvf', 'kvm', 'whpx', 'tcg'].includes(forced))
    return { accel: forced, reason: `WHARF_VM_ACCEL=${forced}` };
  return chooseAccel(await accelFacts(qemuBin, vmsRoot));
}
