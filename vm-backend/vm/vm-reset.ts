// The two destructive VM actions, kept apart on purpose:
// - reset: a fresh root disk (the system inside the VM) and a new SSH host key; the data disk,
//   so every image, container and volume, stays.
// - delete data: a fresh, empty data disk; the images, containers and volumes are gone.
// A VM that was running is started again afterwards.
import { rmSync, statSync } from 'node:fs';
import type { VmDataSummary } from '../api/vm-types';
import { guestConnection, guestRun } from './guest/guest-ssh';
import type { VmManager } from './lifecycle/vm-manager';
import { readRuntime } from './lifecycle/vm-runtime';
import { resetPrepareFailed } from './lifecycle/vm-problems';
import type { VmStatus } from './lifecycle/vm-state';
import { vmAbsent, vmBusy, vmSettingsDamaged } from './vm-errors';

const BUSY = new Set(['creating', 'starting', 'stopping']);
const LIVE = new Set(['running', 'degraded', 'broken']);

function refuseNow(m: VmManager, action: string): void {
  const st = m.status.state;
  if (st === 'absent') throw vmAbsent(action);
  if (BUSY.has(st)) throw vmBusy(st, action);
}

async function stopFirst(m: VmManager): Promise<boolean> {
  const was = LIVE.has(m.status.state);
  if (was || m.status.state === 'error') await m.stop(m.status.state === 'broken');
  return was;
}

async function recreate(m: VmManager, what: string): Promise<void> {
  const settings = m.settings();
  if (!settings) throw vmSettingsDamaged(m.files.settings);
  m.machine.to('stopped', `Creating a fresh ${what}`);
  await m.opts.driver.prepare(m.files, await m.opts.image(), settings);
}

/** New root disk and host key; the data disk is kept. */
export async function resetVm(m: VmManager): Promise<VmStatus> {
  refuseNow(m, 'reset');
  const wasLive = await stopFirst(m);
  m.machine.to('stopped', 'Removing the root disk');
  rmSync(m.files.rootDisk, { force: true });
  // The fresh root makes a fresh host key on its first boot: forget the pinned one.
  rmSync(m.files.knownHosts, { force: true });
  try {
    await recreate(m, 'root disk');
  } catch (e) {
    // The next start creates it (prepare() does that when it is missing).
    m.machine.to('stopped', 'Reset (the root disk is made at the next start)', {
      problem: resetPrepareFailed((e as Error).message),
    });
    return wasLive ? m.start() : m.status;
  }
  m.machine.to('stopped', 'Reset done');
  return wasLive ? m.start() : m.status;
}

/** Empties the data disk: every image, container and volume is gone. */
export async function deleteVmData(m: VmManager): Promise<VmStatus> {
  refuseNow(m, 'delete its data');
  const wasLive = await stopFirst(m);
  m.machine.to('stopped', 'Deleting the data disk');
  rmSync(m.files.dataDisk, { force: true });
  await recreate(m, 'data disk');
  m.machine.to('stopped', 'Data deleted');
  return wasLive ? m.start() : m.status;
}

/** What delete-data would lose: counts from the engine when the VM runs, and the disk's size. */
export async function dataSummary(m: VmManager): Promise<VmDataSummary> {
  let diskBytes: number | null = null;
  try {
    diskBytes = statSync(m.files.dataDisk).blocks * 512;
  } catch {
    diskBytes = null;
  }
  const rt = readRuntime(m.files);
  const none = { images: null, containers: null, volumes: null, diskBytes };
  if (rt?.phase !== 'running' || !['running', 'degraded'].includes(m.status.state)) return none;
  const conn = guestConnection(m.files, rt.sshPort);
  try {
    const out = await guestRun(
      conn,
      'echo "$(docker images -q | sort -u | wc -l) $(docker ps -aq | wc -l) $(docker volume ls -q | wc -l)"',
      10_000,
    );
    const nums = /^(\d+) (\d+) (\d+)\s*$/.exec(out?.trim() ?? '');
    if (!nums) return none;
    return { images: Number(nums[1]), containers: Number(nums[2]), volumes: Number(nums[3]), diskBytes };
  } finally {
    await conn.close();
  }
}
