// Gathers the facts chooseAccel needs from this host, and remembers accelerators that hung.
import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Accel, type AccelChoice, type AccelFacts, chooseAccel, parseAccelHelp } from './accel';
import { hostArch } from '../guest-arch';

const run = promisify(execFile);
const hungFile = (vmsRoot: string): string => join(vmsRoot, 'accel-hung.json');

function readHung(vmsRoot: string): Accel[] {
  try {
    return JSON.parse(readFileSync(hungFile(vmsRoot), 'utf8')) as Accel[];
  } catch {
    return [];
  }
}

export function markHung(vmsRoot: string, accel: Accel): void {
  const list = [...new Set([...readHung(vmsRoot), accel])];
  writeFileSync(hungFile(vmsRoot), JSON.stringify(list));
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
