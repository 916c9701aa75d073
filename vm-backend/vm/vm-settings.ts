// A VM's resources. The rules (limits, grow-only disk, host limits, what needs a restart) live in
// api/rules/vm-settings-rules.ts so the VM panel's form applies the same ones before sending.
export { planSettings, type SettingsChange, type VmSettings, vmSettingsSchema } from '../api/rules/vm-settings-rules';
import type { VmSettings } from '../api/rules/vm-settings-rules';

export function defaultSettings(hostCpus: number, hostMemMiB: number): VmSettings {
  return {
    cpus: Math.max(1, Math.min(4, hostCpus)),
    memoryMiB: Math.max(1024, Math.min(4096, Math.floor(hostMemMiB / 2 / 256) * 256)),
    diskGiB: 64,
    network: true,
  };
}
