// Pid files and liveness. A pid is only "ours" when the process still runs the expected program,
// so a recycled pid after a host reboot is not mistaken for the VM.
import { readFileSync } from 'node:fs';

export function readPid(path: string): number | null {
  try {
    const n = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(n) && n > 1 ? n : null;
  } catch {
    return null;
  }
}

export function pidAlive(pid: number, expect?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (!expect || process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) Z /.test(stat)) return false; // a zombie has exited
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(expect);
  } catch {
    return false;
  }
}
