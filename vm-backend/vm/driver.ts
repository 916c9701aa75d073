// What the VM manager needs from a hypervisor. QEMU implements it now; a WSL2 driver (Windows)
// implements the same: `start` there is `wsl --import/-d`, the SSH endpoint is known after start.
import type { Accel } from './qemu/accel';
import type { ImageFiles } from './image/image';
import type { VmSettings } from './vm-settings';
import type { VmFiles } from './vm-files';
import type { VmProblem } from './lifecycle/vm-state';

export interface StartSpec {
  files: VmFiles;
  image: ImageFiles;
  settings: VmSettings;
  accel: Accel;
  sshPort: number;
  /** restrict=on: the guest reaches nothing outside (tests). */
  restrictNetwork: boolean;
  /** Folders of this computer the guest mounts at the same path (9p tags wharf0, wharf1, ...). */
  shares?: readonly string[];
}

export interface VmDriver {
  readonly kind: 'qemu' | 'wsl2';
  /** Null when this host can run the driver, else why not and the way out. */
  unavailable(): Promise<VmProblem | null>;
  /** Creates what a VM needs on disk (disks) from the image; never shrinks or wipes the data disk.
   *  `rootReplaced`: the root layer is new (first start or a new base image), so is its host key. */
  prepare(files: VmFiles, image: ImageFiles, settings: VmSettings): Promise<{ rootReplaced: boolean }>;
  /** Starts the VM in the background; resolves with its pid once the hypervisor accepted it. */
  start(spec: StartSpec): Promise<number>;
  /** The hypervisor's pid when it is alive (stale pid files are removed). */
  alivePid(files: VmFiles): number | null;
  /** Asks the guest to power down (ACPI); resolves at once. */
  powerdown(files: VmFiles): Promise<void>;
  /** Ends the hypervisor process now. */
  kill(files: VmFiles): Promise<void>;
}
