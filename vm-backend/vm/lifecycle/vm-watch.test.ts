import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeVm, type FakeVm } from '../testing/fake-vm';
import { writeRuntime, writeSettings } from './vm-runtime';
import type { VmStatus } from './vm-state';
import { type CheckResult, VmWatch, type WatchProbe } from './vm-watch';

const until = async (ok: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('VmWatch (fake probe)', () => {
  const make = (answers: CheckResult[], alive = { v: true }) => {
    const events: string[] = [];
    let drop: () => void = () => {};
    const probe: WatchProbe = {
      alive: () => alive.v,
      check: async () => answers.shift() ?? 'ok',
      onDrop: (cb) => ((drop = cb), () => {}),
      close: async () => void events.push('closed'),
    };
    const w = new VmWatch(
      probe,
      {
        degraded: (why) => events.push(`degraded:${why}`),
        recovered: () => events.push('recovered'),
        exited: () => events.push('exited'),
      },
      { aliveMs: 1e6, pingMs: 1e6, retryMs: 1e6, failures: 2 },
    );
    return { w, events, alive, drop: () => drop() };
  };

  it('one failed check is not enough; two make it degraded; an answer makes it running again', async () => {
    const { w, events } = make(['engine', 'engine', 'engine', 'ok']);
    w.start();
    await w.checkNow();
    expect(events).toEqual([]);
    await w.checkNow();
    expect(events).toEqual(['degraded:engine']);
    await w.checkNow();
    expect(events).toEqual(['degraded:engine']); // said once
    await w.checkNow();
    expect(events).toEqual(['degraded:engine', 'recovered']);
    await w.stop();
  });
  it('a link drop checks at once and degrades on the first failure', async () => {
    const { w, events, drop } = make(['ssh']);
    w.start();
    drop();
    await until(() => events.length > 0);
    expect(events).toEqual(['degraded:ssh']);
    await w.stop();
  });
  it('a vanished hypervisor process ends the watch with exited, once', async () => {
    const { w, events, alive } = make(['ok']);
    w.start();
    alive.v = false;
    await w.checkNow();
    expect(w.checkAlive()).toBe(false);
    expect(events.sort()).toEqual(['closed', 'exited']);
  });
  it('a check that throws counts as SSH not answering', async () => {
    const events: string[] = [];
    const w = new VmWatch(
      { alive: () => true, check: () => Promise.reject(new Error('boom')), close: async () => {} },
      { degraded: (why) => events.push(why), recovered: () => {}, exited: () => {} },
      { aliveMs: 1e6, pingMs: 1e6, retryMs: 1e6, failures: 1 },
    );
    await w.checkNow();
    expect(events).toEqual(['ssh']);
    await w.stop();
  });
});

describe('VmManager watch: running <-> degraded, QEMU gone -> error', () => {
  let f: FakeVm;
  afterEach(() => f?.cleanup());
  const runningVm = async (): Promise<VmStatus[]> => {
    f = fakeVm();
    mkdirSync(f.vm.files.dir, { recursive: true });
    writeSettings(f.vm.files, { cpus: 1, memoryMiB: 1024, diskGiB: 8, network: false });
    f.spawnQemu();
    writeRuntime(f.vm.files, {
      nonce: 'n',
      sshPort: 2222,
      accel: 'tcg',
      imageVersion: 'v',
      phase: 'running',
      startedAt: 1,
      bootedAt: 2,
      ownerPid: process.pid,
    });
    const seen: VmStatus[] = [];
    f.vm.machine.onChange((s) => seen.push(s));
    expect((await f.vm.reconcile()).state).toBe('running');
    return seen;
  };

  it('engine stops answering -> degraded with a problem; answers again -> running without it', async () => {
    const seen = await runningVm();
    f.answer.value = 'engine';
    await until(() => f.vm.status.state === 'degraded');
    expect(f.vm.status).toMatchObject({
      state: 'degraded',
      progress: 'Waiting for Docker in the VM',
      problem: { code: 'VM_ENGINE_UNRESPONSIVE' },
      sshPort: 2222,
      bootedAt: 2,
    });
    f.answer.value = 'ok';
    await until(() => f.vm.status.state === 'running');
    expect(f.vm.status.problem).toBeUndefined();
    expect(seen.map((s) => s.state)).toEqual(['running', 'degraded', 'running']);
  });
  it('SSH stops answering -> degraded with VM_SSH_UNRESPONSIVE', async () => {
    await runningVm();
    f.answer.value = 'ssh';
    f.drop();
    await until(() => f.vm.status.state === 'degraded');
    expect(f.vm.status.problem?.code).toBe('VM_SSH_UNRESPONSIVE');
  });
  it('QEMU gone -> error VM_EXITED whose way out is Start, and Start is allowed', async () => {
    await runningVm();
    f.killQemu();
    await until(() => f.vm.status.state === 'error');
    expect(f.vm.status.problem).toMatchObject({ code: 'VM_EXITED', hint: expect.stringMatching(/Start it again/) });
    expect(f.vm.machine.canGo('starting')).toBe(true);
  });
  it('a stop ends the watch: no degraded while stopping', async () => {
    const seen = await runningVm();
    await f.vm.stop(true);
    f.answer.value = 'engine';
    await new Promise((r) => setTimeout(r, 150));
    expect(seen.map((s) => s.state)).toEqual(['running', 'stopping', 'stopped']);
  });
});
