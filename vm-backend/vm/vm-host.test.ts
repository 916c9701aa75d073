import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../connection/connection';
import { until } from '../testing/until';
import { type FakeVm, fakeVm } from './testing/fake-vm';
import { VmHost } from './vm-host';
import type { VmManager } from './lifecycle/vm-manager';
import type { VmStatus } from './lifecycle/vm-state';

// The host's wiring only: a fake VM (a `sleep` as QEMU, a probe the test answers), a fake engine.
let fakes: FakeVm[] = [];
afterEach(() => {
  fakes.forEach((f) => f.cleanup());
  fakes = [];
});
const fake = (): FakeVm => {
  const f = fakeVm();
  fakes.push(f);
  return f;
};
const engineOf = (vm: VmManager): Connection =>
  ({ kind: 'local', endpoint: `fake:${vm.files.dir}` }) as unknown as Connection;

function setup(f = fake()) {
  const seen: VmStatus[] = [];
  let made = 0;
  const host = new VmHost({ make: () => (made++, f.vm), emit: (s) => seen.push(s), connection: engineOf });
  return { f, host, seen, made: () => made };
}

describe('VmHost: one VM beside the engine', () => {
  it('makes and reconciles the manager once, on first use, for every caller at once', async () => {
    const { f, host, made, seen } = setup();
    f.seedRunning();
    expect(host.made).toBeNull();
    expect(made()).toBe(0);
    const [a, b] = await Promise.all([host.get(), host.get()]);
    expect(a).toBe(f.vm);
    expect(b).toBe(f.vm);
    expect(made()).toBe(1);
    expect(a.status.state).toBe('running');
    // Reconcile's finding is broadcast, and so is every later change.
    expect(seen.map((s) => s.state)).toEqual(['running']);
    f.answer.value = 'engine';
    await until(() => seen.some((s) => s.state === 'degraded'));
  });

  it('a manager that could not be made is tried again next time', async () => {
    const f = fake();
    let n = 0;
    const host = new VmHost({
      make: () => {
        if (n++ === 0) throw new Error('EACCES');
        return f.vm;
      },
      emit: () => {},
    });
    await expect(host.get()).rejects.toThrow('EACCES');
    expect(host.made).toBeNull();
    expect(await host.get()).toBe(f.vm);
  });

  it('adopts a manager made before the backend (started on the vm target) and never makes another', async () => {
    const f = fake();
    let made = 0;
    const seen: VmStatus[] = [];
    const host = new VmHost({ make: () => (made++, fake().vm), emit: (s) => seen.push(s) });
    host.adopt(f.vm);
    expect(await host.get()).toBe(f.vm);
    expect(made).toBe(0);
    f.vm.machine.to('creating', 'Creating the VM');
    expect(seen.at(-1)?.state).toBe('creating');
  });

  it('the vm engine: a running VM is used as it is, without a start', async () => {
    const { f, host } = setup();
    f.seedRunning();
    const c = await host.engine();
    expect(c.endpoint).toBe(`fake:${f.vm.files.dir}`);
    expect(f.driver.calls).not.toContain('start');
    expect(f.vm.status.state).toBe('running');
  });

  it('the vm engine: a stopped VM is started first; a failed start is VM_START_FAILED', async () => {
    const { f, host } = setup();
    const lines: string[] = [];
    // No VM yet: created, then started (the fake driver does not boot).
    await expect(host.engine((l) => lines.push(l))).rejects.toMatchObject({ code: 'VM_START_FAILED' });
    expect(f.driver.calls).toContain('start');
    expect(lines.some((l) => l.startsWith('vm: starting'))).toBe(true);
    expect(f.vm.status.state).toBe('error');
  });

  it("the vm engine: a start already under way (the panel's) is waited for, not repeated", async () => {
    const { f, host } = setup();
    f.seedRunning();
    const vm = await host.get();
    // As if the panel had clicked Start: the VM is still starting when the switch comes.
    vm.machine.assume('starting', 'Booting Linux (tcg)', { phase: 'booting' });
    let done = false;
    const p = host.engine().then((c) => ((done = true), c));
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(false);
    vm.machine.to('running', 'Running');
    expect((await p).endpoint).toContain('fake:');
    expect(f.driver.calls).not.toContain('start');
  });

  it('close stops watching the VM but leaves it running, and refuses later use', async () => {
    const { f, host, seen } = setup();
    f.seedRunning();
    await host.get();
    host.close();
    f.answer.value = 'engine';
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.map((s) => s.state)).toEqual(['running']);
    expect(f.driver.calls).not.toContain('kill');
    expect(f.driver.alivePid(f.vm.files)).not.toBeNull();
    await expect(host.get()).rejects.toThrow(/closed/);
  });
});
