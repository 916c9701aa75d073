// Which QEMU accelerator to use. Pure: the probes are passed in, so every host is testable here.
export type Accel = 'hvf' | 'kvm' | 'whpx' | 'tcg';

export interface AccelFacts {
  platform: NodeJS.Platform;
  /** Host CPU architecture equals the guest's (no hardware acceleration across architectures). */
  sameArch: boolean;
  /** Accelerators QEMU lists in `-accel help`. */
  qemuAccels: readonly string[];
  /** /dev/kvm opens read-write (Linux). */
  kvmDevice: boolean;
  /** Accelerators seen hanging on this host (no guest output within the bound): never tried again. */
  hung: readonly Accel[];
}

export interface AccelChoice {
  accel: Accel;
  /** Why; shown as the start's notice when it is not the platform's natural choice. */
  reason: string;
}

const NATIVE: Partial<Record<NodeJS.Platform, Accel>> = { darwin: 'hvf', linux: 'kvm', win32: 'whpx' };

export function chooseAccel(f: AccelFacts): AccelChoice {
  const native = NATIVE[f.platform];
  if (!native) return { accel: 'tcg', reason: `no hardware accelerator on ${f.platform}: software emulation (slow)` };
  if (!f.sameArch)
    return { accel: 'tcg', reason: 'the guest architecture differs from the host: software emulation (slow)' };
  if (!f.qemuAccels.includes(native))
    return { accel: 'tcg', reason: `this QEMU has no ${native}: software emulation (slow)` };
  if (native === 'kvm' && !f.kvmDevice)
    return { accel: 'tcg', reason: '/dev/kvm is missing or not writable: software emulation (slow)' };
  if (f.hung.includes(native))
    return {
      accel: 'tcg',
      reason: `${native} did not work on this machine before (it hung or failed): software emulation (slow)`,
    };
  return { accel: native, reason: `${native} hardware acceleration` };
}

/** Parses `qemu-system-x86_64 -accel help` ("Accelerators supported in QEMU binary:\ntcg\nkvm"). */
export function parseAccelHelp(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[a-z]+$/.test(l));
}
