import { describe, expect, it, vi } from 'vitest';
import type { VmStatus } from '../../vm-backend/api/vm-types';
import type { Connection } from '../../vm-backend/connection/connection';
import { LOCAL, type Target } from '../../vm-backend/connection/targets';
import type { Backend } from '../../vm-backend/wiring/backend-types';
import { startBackend, type StartupVm } from './start-backend';

const VM: Target = { name: 'vm', engine: 'vm' } as Target;

function fakeVm(state: VmStatus['state']) {
  const listeners = new Set<(s: VmStatus) => void>();
  const machine = {
    status: { name: 'default', state, progress: '', since: 0 } as VmStatus,
    onChange(l: (s: VmStatus) => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
  const vm = {
    machine,
    files: { dir: '/nonexistent/vm' },
    get status() {
      return machine.status;
    },
    reconcile: vi.fn(async () => machine.status),
    close: vi.fn(),
    to(s: VmStatus['state']) {
      machine.status = { ...machine.status, state: s };
      for (const l of [...listeners]) l(machine.status);
    },
  };
  return vm satisfies StartupVm;
}

function harness(vm: ReturnType<typeof fakeVm>, useAnswer: () => Promise<unknown> = async () => ({ ok: true })) {
  const made: { connection: Connection; vm?: unknown }[] = [];
  const backend = {
    invoke: vi.fn(async (name: string) => {
      const r = (await useAnswer()) as { ok: boolean };
      // A successful switch closes the engine it replaces, as EngineSwitch does.
      if (name === 'targets:use' && r.ok) await made.at(-1)?.connection.close();
      return r;
    }),
    on: vi.fn(() => () => {}),
    close: vi.fn(async () => {}),
  };
  const real = { kind: 'ssh', endpoint: 'vm:default (ssh)' } as Connection;
  const deps = {
    target: VM,
    connect: vi.fn(async () => ({ connection: { kind: 'local', endpoint: 'unix:///x' } as Connection })),
    makeVm: () => vm,
    vmConnection: vi.fn(() => real),
    create: vi.fn((c: { connection: Connection; vm?: unknown }) => {
      made.push(c);
      return backend as unknown as Backend;
    }),
  };
  return { deps, backend, made, real };
}

describe('startBackend', () => {
  it('local and SSH targets: the connector, no VM', async () => {
    const h = harness(fakeVm('stopped'));
    await startBackend({ ...h.deps, target: LOCAL });
    expect(h.deps.connect).toHaveBeenCalledWith(LOCAL);
    expect(h.made[0]?.connection.endpoint).toBe('unix:///x');
    expect(h.made[0]?.vm).toBeUndefined();
  });

  it('a VM that already runs is used as is, nothing started', async () => {
    const vm = fakeVm('running');
    const h = harness(vm);
    await startBackend(h.deps);
    expect(h.made[0]?.connection).toBe(h.real);
    expect(h.backend.invoke).not.toHaveBeenCalled();
  });

  it('a stopped VM: the backend exists at once on a stand-in that shows the VM starting, then switches', async () => {
    const vm = fakeVm('stopped');
    let answer: (v: unknown) => void = () => {};
    const h = harness(vm, () => new Promise((r) => (answer = r)));
    const backend = await startBackend(h.deps);
    expect(backend).toBe(h.backend);
    const standIn = h.made[0]?.connection;
    expect(standIn?.kind).toBe('vm');
    expect(h.made[0]?.vm).toBe(vm);
    expect(h.backend.invoke).toHaveBeenCalledWith('targets:use', { name: 'vm' });
    vm.to('starting');
    expect(standIn?.linkEvents?.down?.()?.code).toBe('VM_ENGINE_STARTING');
    vm.to('running');
    // One switch in flight: the VM reaching "running" does not start a second.
    expect(h.backend.invoke).toHaveBeenCalledTimes(1);
    answer({ ok: true });
    await vi.waitFor(() => expect(h.backend.invoke).toHaveBeenCalledTimes(1));
    vm.to('stopped');
    vm.to('running');
    expect(h.backend.invoke).toHaveBeenCalledTimes(1);
  });

  it('a failed boot leaves the window with the problem; a later start from the window switches then', async () => {
    const vm = fakeVm('stopped');
    const answers = [{ ok: false, error: { code: 'VM_START_FAILED', message: 'no QEMU' } }, { ok: true }];
    const log = vi.fn();
    const h = harness(vm, async () => answers.shift());
    await startBackend({ ...h.deps, log });
    vm.to('error');
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringMatching(/no QEMU/)));
    expect(h.made[0]?.connection.linkEvents?.down?.()?.code).toBe('VM_ENGINE_DIED');
    vm.to('starting');
    vm.to('running');
    await vi.waitFor(() => expect(h.backend.invoke).toHaveBeenCalledTimes(2));
  });

  it('a VM folder that cannot be read fails start-up with its error and closes the manager', async () => {
    const vm = fakeVm('stopped');
    vm.reconcile.mockRejectedValueOnce(new Error('EACCES'));
    const h = harness(vm);
    await expect(startBackend(h.deps)).rejects.toThrow(/EACCES/);
    expect(vm.close).toHaveBeenCalled();
    expect(h.deps.create).not.toHaveBeenCalled();
  });
});
