import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { vmCalls } from '../api/contract.vm';
import { ensureVmKey } from './guest/guest-link';
import { fakeVm, type FakeVm } from './testing/fake-vm';
import { freePort } from './lifecycle/vm-runtime';
import { dataSummary, deleteVmData, resetVm } from './vm-reset';

describe('reset and delete data (fake driver)', () => {
  let f: FakeVm;
  afterEach(() => f?.cleanup());
  const created = async (): Promise<FakeVm> => {
    f = fakeVm();
    await f.vm.create({ cpus: 1, memoryMiB: 1024, diskGiB: 8, network: false });
    writeFileSync(f.vm.files.rootDisk, 'old root with changes');
    writeFileSync(f.vm.files.dataDisk, 'images and volumes');
    mkdirSync(dirname(f.vm.files.knownHosts), { recursive: true });
    writeFileSync(f.vm.files.knownHosts, 'wharf-vm ssh-ed25519 AAAAold\n');
    return f;
  };

  it('reset: a fresh root disk, the pinned host key forgotten, the data disk kept', async () => {
    await created();
    const st = await resetVm(f.vm);
    expect(st).toMatchObject({ state: 'stopped', progress: 'Reset done' });
    expect(readFileSync(f.vm.files.rootDisk, 'utf8')).toMatch(/^root \d+/);
    expect(existsSync(f.vm.files.knownHosts)).toBe(false);
    expect(readFileSync(f.vm.files.dataDisk, 'utf8')).toBe('images and volumes');
    expect(f.driver.calls).toEqual(['prepare']);
  });
  it('delete data: a fresh data disk, the root disk kept', async () => {
    await created();
    expect(await dataSummary(f.vm)).toMatchObject({
      images: null,
      containers: null,
      volumes: null,
      diskBytes: expect.any(Number),
    });
    const st = await deleteVmData(f.vm);
    expect(st).toMatchObject({ state: 'stopped', progress: 'Data deleted' });
    expect(readFileSync(f.vm.files.dataDisk, 'utf8')).toBe('fresh data');
    expect(readFileSync(f.vm.files.rootDisk, 'utf8')).toBe('old root with changes');
  });
  it('a running VM is stopped first, then started again', async () => {
    await created();
    f.spawnQemu();
    ensureVmKey(f.vm.files);
    writeFileSync(
      f.vm.files.runtime,
      JSON.stringify({
        nonce: 'n',
        sshPort: await freePort(),
        accel: 'tcg',
        imageVersion: 'v',
        phase: 'running',
        startedAt: 1,
        ownerPid: process.pid,
      }),
    );
    await f.vm.reconcile();
    expect(f.vm.status.state).toBe('running');
    const seen: string[] = [];
    f.vm.machine.onChange((s) => seen.push(s.state));
    await resetVm(f.vm);
    // The fake driver cannot boot: the restart ends in error, after stopping and the reset.
    expect(seen[0]).toBe('stopping');
    expect(seen.indexOf('stopped')).toBeLessThan(seen.indexOf('starting'));
    expect(f.driver.calls).toContain('start');
    expect(f.vm.status.state).toBe('error');
  });
  it('refuses with no VM, or while it starts or stops', async () => {
    f = fakeVm();
    await expect(resetVm(f.vm)).rejects.toMatchObject({ code: 'VM_ABSENT' });
    await f.vm.create({ cpus: 1, memoryMiB: 1024, diskGiB: 8, network: false });
    f.vm.machine.to('starting', 'x', { phase: 'booting' });
    await expect(deleteVmData(f.vm)).rejects.toMatchObject({ code: 'VM_BUSY' });
  });
});

describe('the destructive calls need confirm: true', () => {
  it('reset and delete-data refuse a call without it (zod strict)', () => {
    for (const name of ['vm:reset', 'vm:delete-data'] as const) {
      expect(vmCalls[name].input.safeParse({}).success).toBe(false);
      expect(vmCalls[name].input.safeParse({ confirm: false }).success).toBe(false);
      expect(vmCalls[name].input.safeParse({ confirm: 'yes' }).success).toBe(false);
      expect(vmCalls[name].input.safeParse({ confirm: true, extra: 1 }).success).toBe(false);
      expect(vmCalls[name].input.safeParse({ confirm: true }).success).toBe(true);
    }
    expect(vmCalls['vm:settings'].input.safeParse({ cpus: 0 }).success).toBe(false);
  });
});
