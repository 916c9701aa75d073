// A VM for unit tests of the manager's logic: a driver whose "QEMU" is a `sleep` process, a probe
// whose answers the test sets, and host numbers the test chooses. No QEMU, no SSH.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VmDriver } from '../driver';
import type { ImageFiles } from '../image/image';
import { pidAlive, readPid } from '../qemu/pids';
import type { HostFacts } from '../lifecycle/vm-checks';
import { writeRuntime, writeSettings } from '../lifecycle/vm-runtime';
import { VmManager } from '../lifecycle/vm-manager';
import type { VmManagerOptions } from '../lifecycle/vm-options';
import type { CheckResult, WatchProbe } from '../lifecycle/vm-watch';

export interface FakeVm {
  vm: VmManager;
  driver: VmDriver & { calls: string[] };
  /** What the next probe check answers. */
  answer: { value: CheckResult };
  /** Simulates the SSH link dropping. */
  drop(): void;
  /** Runs a "QEMU" (a sleep process) and writes its pid file. */
  spawnQemu(): number;
  /** Makes the VM look created and running (settings, a "QEMU", runtime.json) for reconcile. */
  seedRunning(sshPort?: number): void;
  killQemu(): void;
  facts: HostFacts;
  cleanup(): void;
}

const GiB = 2 ** 30;

export function fakeVm(extra: Partial<VmManagerOptions> = {}): FakeVm {
  const root = mkdtempSync(join(tmpdir(), 'wharf-fakevm-'));
  let child: ChildProcess | null = null;
  const calls: string[] = [];
  const answer = { value: 'ok' as CheckResult };
  const dropListeners = new Set<() => void>();
  const facts: HostFacts = {
    freeDiskBytes: 100 * GiB,
    totalMemBytes: 16 * GiB,
    freeMemBytes: 12 * GiB,
    dataDiskUsedBytes: 0,
  };
  const driver: VmDriver & { calls: string[] } = {
    kind: 'qemu',
    calls,
    unavailable: async () => null,
    prepare: async (files) => {
      calls.push('prepare');
      const rootReplaced = !existsSync(files.rootDisk);
      if (rootReplaced) writeFileSync(files.rootDisk, `root ${Date.now()}`);
      if (!existsSync(files.dataDisk)) writeFileSync(files.dataDisk, 'fresh data');
      return { rootReplaced };
    },
    start: async () => {
      calls.push('start');
      throw new Error('the fake driver does not boot');
    },
    alivePid: (f) => {
      const p = readPid(f.pid);
      return p !== null && pidAlive(p) ? p : null;
    },
    powerdown: async () => void calls.push('powerdown'),
    kill: async () => {
      calls.push('kill');
      child?.kill('SIGKILL');
      child = null;
    },
  };
  const probe = (): WatchProbe => ({
    alive: () => driver.alivePid(vm.files) !== null,
    check: async () => answer.value,
    onDrop: (cb) => (dropListeners.add(cb), () => void dropListeners.delete(cb)),
    close: async () => {},
  });
  const image = async (): Promise<ImageFiles> => ({
    dir: root,
    kernel: '',
    initrd: '',
    rootfs: '',
    manifest: {
      format: 1,
      version: 'fake',
      arch: 'x86_64',
      cmdline: '',
      files: {},
    } as unknown as ImageFiles['manifest'],
  });
  const vm = new VmManager({
    vmsRoot: root,
    driver,
    image,
    accel: async () => ({ accel: 'tcg', reason: 'test' }),
    watchProbe: probe,
    hostFacts: () => facts,
    watchTiming: { aliveMs: 20, pingMs: 30, retryMs: 20, failures: 2 },
    stopTimeoutMs: 200,
    ...extra,
  });
  return {
    vm,
    driver,
    answer,
    facts,
    drop: () => dropListeners.forEach((l) => l()),
    spawnQemu: () => {
      child = spawn('sleep', ['60']);
      writeFileSync(vm.files.pid, String(child.pid));
      return child.pid as number;
    },
    seedRunning: (sshPort = 2222) => {
      mkdirSync(vm.files.dir, { recursive: true });
      writeSettings(vm.files, { cpus: 1, memoryMiB: 1024, diskGiB: 8, network: false });
      child = spawn('sleep', ['60']);
      writeFileSync(vm.files.pid, String(child.pid));
      writeRuntime(vm.files, {
        nonce: 'n',
        sshPort,
        accel: 'tcg',
        imageVersion: 'v',
        phase: 'running',
        startedAt: 1,
        bootedAt: 2,
        ownerPid: process.pid,
      });
    },
    killQemu: () => child?.kill('SIGKILL'),
    cleanup: () => {
      child?.kill('SIGKILL');
      vm.close();
    },
  };
}
