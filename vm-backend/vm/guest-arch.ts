// The guest architectures Wharf's VM runs, and which one this host runs natively. Shared by the
// image (its manifest names one) and QEMU (its binary and machine), whatever the driver.
export type GuestArch = 'x86_64' | 'aarch64';

/** The guest architecture this host runs at native speed (Node's process.arch), or null. */
export function hostArch(nodeArch: string = process.arch): GuestArch | null {
  if (nodeArch === 'x64') return 'x86_64';
  if (nodeArch === 'arm64') return 'aarch64';
  return null;
}
