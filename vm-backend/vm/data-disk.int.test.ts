// The data disk is formatted by the guest, not the host: the host only makes a sparse file (no
// mkfs on macOS or Windows). Real VMs under QEMU TCG: a fresh disk is formatted and mounted at
// /var/lib/docker; after a restart the data is still there and a grown disk is taken; a disk that
// is not blank but has no filesystem the guest knows is never formatted (Docker does not start).
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestExec } from './guest/guest-link';
import { openImage } from './image/image';
import { buildImage, qemuMissingReason } from './testing/vm-fixtures';
import { createVmManager } from './vm-setup';
import type { VmManager } from './lifecycle/vm-manager';

const skip = qemuMissingReason();
if (skip) console.warn(`SKIPPED data-disk.int.test.ts: ${skip}`);

describe.skipIf(skip !== null)('VM data disk, formatted in the guest (QEMU TCG)', { timeout: 300_000 }, () => {
  let imageDir = '';
  const dirs: string[] = [];
  const vms: VmManager[] = [];
  const make = (): VmManager => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wharf-datadisk-'));
    dirs.push(dataDir);
    const vm = createVmManager(dataDir, {
      image: () => openImage(imageDir),
      accel: async () => ({ accel: 'tcg', reason: 'tests use tcg' }),
      restrictNetwork: true,
      bootTimeoutMs: 240_000,
      stopTimeoutMs: 60_000,
    });
    vms.push(vm);
    return vm;
  };
  const sh = async (vm: VmManager, cmd: string): Promise<string> => {
    const r = await guestExec(vm.files, vm.sshPort as number, cmd, 60_000);
    // A failure says what the guest's console said last (a null code: ssh timed out or was cut).
    const tail = (): string => serial(vm).split('\n').slice(-25).join('\n');
    expect(r.code, `${cmd}: ${r.stderr}${r.code === 0 ? '' : `\n-- serial log --\n${tail()}`}`).toBe(0);
    return r.stdout.trim();
  };
  const serial = (vm: VmManager): string => readFileSync(vm.files.serialLog, 'utf8');

  beforeAll(() => {
    imageDir = buildImage();
  }, 20 * 60_000);
  afterAll(async () => {
    for (const vm of vms) {
      await vm.stop(true).catch(() => null);
      vm.close();
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a fresh VM: the host makes an empty sparse file, the guest formats and mounts it; a restart keeps the data and takes a grown disk', async () => {
    const vm = make();
    await vm.create({ cpus: 2, memoryMiB: 2048, diskGiB: 4, network: false });
    const s = await vm.start();
    expect(s.problem).toBeUndefined();
    expect(s.state).toBe('running');
    // The host wrote nothing into it: a few MiB of ext4 metadata, all written by the guest.
    expect(statSync(vm.files.dataDisk).blocks * 512).toBeLessThan(256 << 20);
    expect(serial(vm)).toMatch(/WHARF-DATA formatting \/dev\/vd[a-z]/);
    expect((await sh(vm, 'findmnt -no FSTYPE,LABEL /var/lib/docker')).split(/\s+/)).toEqual(['ext4', 'wharf-data']);
    const size1 = Number(await sh(vm, 'df -B1 --output=size /var/lib/docker | tail -1'));
    expect(size1).toBeGreaterThan(3.5 * 2 ** 30);
    expect(size1).toBeLessThan(4 * 2 ** 30);
    await sh(vm, 'echo kept-across-boots > /var/lib/docker/wharf-marker && sync');
    expect(await sh(vm, 'docker info -f {{.DockerRootDir}}')).toBe('/var/lib/docker');

    expect((await vm.stop()).state).toBe('stopped');
    expect(vm.changeSettings({ diskGiB: 6 }).applied).toBe(true);
    const s2 = await vm.start();
    expect(s2.problem).toBeUndefined();
    expect(serial(vm)).not.toMatch(/WHARF-DATA formatting/);
    expect(await sh(vm, 'cat /var/lib/docker/wharf-marker')).toBe('kept-across-boots');
    const size2 = Number(await sh(vm, 'df -B1 --output=size /var/lib/docker | tail -1'));
    expect(size2).toBeGreaterThan(5.5 * 2 ** 30);
    await vm.stop();
  });

  it('a disk that is not blank and has no known filesystem is never formatted: the start fails with VM_DATA_DISK', async () => {
    const vm = make();
    await vm.create({ cpus: 2, memoryMiB: 2048, diskGiB: 4, network: false });
    // Some bytes a damaged or foreign disk might hold, where ext4's superblock would be.
    mkdirSync(vm.files.dir, { recursive: true });
    const fd = openSync(vm.files.dataDisk, 'w');
    writeSync(fd, Buffer.from('not a filesystem Wharf knows: keep me'.repeat(100)), 0, undefined, 1024);
    closeSync(fd);
    truncateSync(vm.files.dataDisk, 4 * 2 ** 30);
    const sum = (): string => {
      const head = Buffer.alloc(1 << 20);
      const f = openSync(vm.files.dataDisk, 'r');
      readSync(f, head, 0, head.length, 0);
      closeSync(f);
      return createHash('sha256').update(head).digest('hex');
    };
    const before = sum();
    const s = await vm.start();
    expect(s.state).toBe('error');
    expect(s.problem?.code).toBe('VM_DATA_DISK');
    expect(s.problem?.detail).toMatch(/not blank: not formatting it/);
    expect(sum()).toBe(before);
  });
});
