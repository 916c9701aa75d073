// The accelerator note (why the VM runs in software emulation) named by a stable key, so the panel
// says it in plain words in the user's language. The texts come from vm/qemu/accel.ts,
// accel-probe.ts and vm-boot.ts; a text not matched here is shown as it came (the English).
import type { ProgressKey } from './vm-progress';

const NOTES: readonly [RegExp, string, readonly string[]][] = [
  [/^no hardware accelerator on (\S+): software emulation \(slow\)$/, 'noAccelPlatform', ['platform']],
  [/^the guest architecture differs from the host: software emulation \(slow\)$/, 'otherArch', []],
  [/^this QEMU has no (\w+): software emulation \(slow\)$/, 'qemuLacks', ['accel']],
  [/^\/dev\/kvm is missing or not writable: software emulation \(slow\)$/, 'noKvm', []],
  [
    /^(\w+) did not work on this machine before \(it hung or failed\): software emulation \(slow\)$/,
    'hungBefore',
    ['accel'],
  ],
  [/^(\w+) failed to start the VM on this machine: using software emulation \(slow\)$/, 'failedNow', ['accel']],
  [
    /^(\w+) did not boot the VM within (\d+) s on this machine: using software emulation \(slow\)$/,
    'hungNow',
    ['accel', 'seconds'],
  ],
  [/^WHARF_VM_ACCEL=(\w+)$/, 'forced', ['accel']],
];

export function accelNoteKey(note: string): ProgressKey | null {
  for (const [re, key, names] of NOTES) {
    const m = re.exec(note);
    if (!m) continue;
    return names.length ? { key, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ''])) } : { key };
  }
  return null;
}

/** Every key accelNoteKey can give (the catalog test checks each has a translation). */
export const ACCEL_NOTE_KEYS: readonly string[] = NOTES.map(([, key]) => key);
