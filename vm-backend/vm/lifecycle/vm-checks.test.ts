import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeVm } from '../testing/fake-vm';
import { checkHost, hostFacts, MIN_FREE_DISK_BYTES } from './vm-checks';
import { writeSettings } from './vm-runtime';
import { createVmManager } from '../vm-setup';

const GiB = 2 ** 30;
const s = { cpus: 2, memoryMiB: 4096, diskGiB: 64, network: true };
const facts = { freeDiskBytes: 200 * GiB, totalMemBytes: 16 * GiB, freeMemBytes: 10 * GiB, dataDiskUsedBytes: 0 };

describe('checkHost (injected numbers)', () => {
  it('a roomy host: no refusal, no warning', () => {
    expect(checkHost(s, facts)).toEqual({ refuse: null, warnings: [] });
  });
  it('refuses below the hard minimum of free disk, with the way out', () => {
    const r = checkHost(s, { ...facts, freeDiskBytes: MIN_FREE_DISK_BYTES - 1 });
    expect(r.refuse).toMatchObject({
      code: 'VM_DISK_FULL',
      message: expect.stringMatching(/free/),
      hint: expect.stringMatching(/Free some disk space/),
    });
  });
  it('warns when the data disk may grow past the free space (counting what it already takes)', () => {
    expect(checkHost(s, { ...facts, freeDiskBytes: 40 * GiB }).warnings.map((w) => w.code)).toEqual(['VM_DISK_LOW']);
    expect(checkHost(s, { ...facts, freeDiskBytes: 40 * GiB, dataDiskUsedBytes: 30 * GiB }).warnings).toEqual([]);
  });
  it('refuses memory the host does not have (total minus a margin); warns when little is free', () => {
    expect(checkHost({ ...s, memoryMiB: 16 * 1024 }, facts).refuse).toMatchObject({
      code: 'VM_MEMORY_TOO_LARGE',
      hint: expect.stringMatching(/at most 15872 MiB/),
    });
    expect(checkHost({ ...s, memoryMiB: 15872 }, facts).refuse).toBeNull();
    expect(checkHost(s, { ...facts, freeMemBytes: 2 * GiB }).warnings.map((w) => w.code)).toEqual(['VM_MEMORY_LOW']);
  });
});

describe('the checks in the manager', () => {
  it('create refuses settings the host cannot hold, and writes nothing', async () => {
    const f = fakeVm();
    const st = await f.vm.create({ memoryMiB: 64 * 1024 });
    expect(st).toMatchObject({ state: 'error', problem: { code: 'VM_MEMORY_TOO_LARGE' } });
    expect(f.vm.settings()).toBeNull();
    f.cleanup();
  });
  it('start carries a warning through starting, and refuses before the driver is asked', async () => {
    const f = fakeVm();
    await f.vm.create({ cpus: 1, memoryMiB: 1024, diskGiB: 8, network: false });
    f.facts.freeDiskBytes = 1 * GiB;
    const st = await f.vm.start();
    expect(st).toMatchObject({ state: 'error', problem: { code: 'VM_DISK_FULL' } });
    expect(f.driver.calls).toEqual([]);
    f.facts.freeDiskBytes = 4 * GiB; // < 8 GiB the disk may grow to: a warning, then the fake boot fails
    const seen: string[] = [];
    f.vm.machine.onChange((x) => x.warning && seen.push(`${x.state}:${x.warning.code}`));
    await f.vm.start();
    expect(seen[0]).toBe('starting:VM_DISK_LOW');
    f.cleanup();
  });
  it('real host numbers: more memory than this computer has is refused before QEMU starts', async () => {
    const data = mkdtempSync(join(tmpdir(), 'wharf-checks-'));
    const vm = createVmManager(data, { accel: async () => ({ accel: 'tcg', reason: 'test' }) });
    await vm.create({ cpus: 1, memoryMiB: 1024, diskGiB: 8, network: false });
    writeSettings(vm.files, {
      cpus: 1,
      memoryMiB: Math.min(262144, Math.ceil(totalmem() / 2 ** 20) + 1024),
      diskGiB: 8,
      network: false,
    });
    const st = await vm.start();
    expect(st).toMatchObject({ state: 'error', problem: { code: 'VM_MEMORY_TOO_LARGE' } });
    expect(existsSync(vm.files.pid)).toBe(false);
    expect(existsSync(vm.files.rootDisk)).toBe(false);
    expect(hostFacts(vm.files).freeDiskBytes).toBeGreaterThan(0);
    vm.close();
  });
});
