// Up-front checks before a VM is created or started: is there room on disk for its data disk to
// grow, and memory for what it is given? Pure over injected numbers (tested with any host), plus
// `hostFacts` that reads them from this machine.
import { existsSync, statfsSync, statSync } from 'node:fs';
import { freemem, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { VmFiles } from '../vm-files';
import type { VmSettings } from '../vm-settings';
import { diskFull, diskLow, memoryLow, memoryTooLarge } from './vm-problems';
import type { VmProblem } from './vm-state';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
/** Below this much free space at the VM folder, Wharf refuses to create or start the VM. */
export const MIN_FREE_DISK_BYTES = 2 * GiB;

import { HOST_MEMORY_MARGIN_MIB } from '../../api/rules/vm-settings-rules';

export interface HostFacts {
  /** Free bytes on the file system that holds the VM folder. */
  freeDiskBytes: number;
  totalMemBytes: number;
  /** Memory available without swapping (Linux: MemAvailable). */
  freeMemBytes: number;
  /** Bytes the data disk already takes on the host (sparse files take only what was written). */
  dataDiskUsedBytes: number;
}

export interface CheckResult {
  /** Set when the VM must not start: the way out is in its hint. */
  refuse: VmProblem | null;
  warnings: VmProblem[];
}

export function checkHost(settings: VmSettings, f: HostFacts): CheckResult {
  const warnings: VmProblem[] = [];
  const totalMiB = Math.floor(f.totalMemBytes / MiB);
  const freeMiB = Math.floor(f.freeMemBytes / MiB);
  if (f.freeDiskBytes < MIN_FREE_DISK_BYTES) {
    return { refuse: diskFull(f.freeDiskBytes, MIN_FREE_DISK_BYTES), warnings };
  }
  if (settings.memoryMiB > totalMiB - HOST_MEMORY_MARGIN_MIB) {
    return { refuse: memoryTooLarge(settings.memoryMiB, totalMiB, HOST_MEMORY_MARGIN_MIB), warnings };
  }
  if (settings.memoryMiB > freeMiB) {
    warnings.push(memoryLow(settings.memoryMiB, freeMiB));
  }
  const mayGrow = Math.max(0, settings.diskGiB * GiB - f.dataDiskUsedBytes);
  if (f.freeDiskBytes < mayGrow) {
    warnings.push(diskLow(settings.diskGiB, f.freeDiskBytes, mayGrow));
  }
  return { refuse: null, warnings };
}

/** The numbers `checkHost` needs, from this machine. */
export function hostFacts(files: VmFiles): HostFacts {
  // The VM folder may not exist before create: measure the nearest existing parent.
  let dir = files.dir;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  const fs = statfsSync(dir);
  let used = 0;
  try {
    used = statSync(files.dataDisk).blocks * 512;
  } catch {
    used = 0;
  }
  return {
    freeDiskBytes: fs.bavail * fs.bsize,
    totalMemBytes: totalmem(),
    freeMemBytes: freemem(),
    dataDiskUsedBytes: used,
  };
}
