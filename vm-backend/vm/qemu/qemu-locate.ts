// Where QEMU is on this computer, in the order an installed app should look:
//   1. WHARF_QEMU (a full path, or a wrapper in tests);
//   2. the QEMU shipped inside the app (electron-builder's extraResources, under process.resourcesPath:
//      qemu/bin/ on macOS and Linux, qemu/ on Windows, as QEMU's own Windows installer lays it out);
//   3. the usual install places: an app started from the Finder does not get Homebrew's PATH, so
//      /opt/homebrew/bin (Apple silicon) and /usr/local/bin (Intel) are looked in by name, and
//      C:\Program Files\qemu on Windows, where QEMU's installer puts it without touching the PATH
//      (Linux desktops give their apps the login PATH, where the distribution's QEMU is);
//   4. the PATH.
// Nothing found: the bare name, so starting it fails with ENOENT and the VM panel says how to install it.
import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import type { GuestArch } from '../guest-arch';

export interface QemuPlaces {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Electron's process.resourcesPath; undefined under plain Node (web mode, the CLI). */
  resourcesPath?: string | undefined;
  exists?: (path: string) => boolean;
}

export function hostPlaces(): QemuPlaces {
  return {
    platform: process.platform,
    env: process.env,
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
  };
}

const exe = (platform: NodeJS.Platform, name: string): string => (platform === 'win32' ? `${name}.exe` : name);

const INSTALL_DIRS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/opt/homebrew/bin', '/usr/local/bin'],
  win32: ['C:\\Program Files\\qemu'],
};

/** Every place `name` (qemu-system-x86_64, qemu-img...) is looked for, first to last, without WHARF_QEMU. */
export function qemuCandidates(name: string, o: QemuPlaces): string[] {
  const path = o.platform === 'win32' ? win32 : posix;
  const file = exe(o.platform, name);
  const bundled = o.resourcesPath
    ? [path.join(o.resourcesPath, 'qemu', 'bin', file), path.join(o.resourcesPath, 'qemu', file)]
    : [];
  const installed = (INSTALL_DIRS[o.platform] ?? []).map((d) => path.join(d, file));
  const onPath = (o.env.PATH ?? o.env.Path ?? '')
    .split(path.delimiter)
    .filter((d) => d.length > 0)
    .map((d) => path.join(d, file));
  return [...new Set([...bundled, ...installed, ...onPath])];
}

/** The first of qemuCandidates that exists; the bare name when none does. */
export function locateTool(name: string, o: QemuPlaces): string {
  const exists = o.exists ?? existsSync;
  return qemuCandidates(name, o).find((p) => exists(p)) ?? exe(o.platform, name);
}

/** qemu-system-<arch>: WHARF_QEMU, else the first place it is found. */
export function locateQemu(arch: GuestArch, o: QemuPlaces = hostPlaces()): string {
  return o.env.WHARF_QEMU ?? locateTool(`qemu-system-${arch}`, o);
}

/** qemu-img beside the QEMU in use (the bundled one ships both), else wherever it is found. */
export function locateQemuImg(qemu: string, o: QemuPlaces = hostPlaces()): string {
  const path = o.platform === 'win32' ? win32 : posix;
  const exists = o.exists ?? existsSync;
  if (path.isAbsolute(qemu)) {
    const beside = path.join(path.dirname(qemu), exe(o.platform, 'qemu-img'));
    if (exists(beside)) return beside;
  }
  return locateTool('qemu-img', o);
}
