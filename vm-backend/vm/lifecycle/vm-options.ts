// What a VM manager is made with: its driver, image, accelerator and the timings tests shorten.
// Apart from vm-manager.ts so the start sequence (vm-boot.ts) can take them without the manager.
import type { VmDriver } from '../driver';
import type { ImageFiles } from '../image/image';
import type { Accel, AccelChoice } from '../qemu/accel';
import type { HostFacts } from './vm-checks';
import type { VmRuntime } from './vm-runtime';
import type { WatchProbe, WatchTiming } from './vm-watch';

export interface VmManagerOptions {
  vmsRoot: string;
  name?: string;
  driver: VmDriver;
  image: () => Promise<ImageFiles>;
  accel: () => Promise<AccelChoice>;
  /** Remembers an accelerator that hung, so the next start goes straight to tcg. */
  markHung?: (accel: Accel) => void;
  /** Off in tests: QEMU restrict=on. Overrides the setting when given. */
  restrictNetwork?: boolean;
  bootTimeoutMs?: number;
  hangTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** How often the running VM is checked (tests make it quick). */
  watchTiming?: Partial<WatchTiming>;
  /** Unit tests: a fake probe instead of QEMU's pid + SSH + /_ping. */
  watchProbe?: (rt: VmRuntime) => WatchProbe;
  /** Unit tests: the host's disk and memory numbers for the up-front checks. */
  hostFacts?: () => HostFacts;
}
