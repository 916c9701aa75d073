import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TargetsOverview } from '../api/contract.targets';
import type { VmOverview, VmStatus } from '../api/contract.vm';
import type { EngineStatus } from '../api/types';
import type { Envelope } from '../api/wire';
import { createBackend } from './backend';
import type { Backend } from './backend-types';
import { localConnectionFromEnv } from '../connection/local';
import { until } from '../testing/until';
import { type FakeVm, fakeVm } from '../vm/testing/fake-vm';
import { freePort } from '../vm/lifecycle/vm-runtime';

// The backend's one VM beside the engine: a fake VM (a `sleep` as QEMU, a probe the test answers)
// and unreachable engines. What is tested is the wiring, not QEMU or Docker (vm-beside-engine.int).
const connection = (name: string) =>
  localConnectionFromEnv({ DOCKER_HOST: `unix:///nonexistent/${name}.sock` }, 'linux');
let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

function setup(opts: { adopt?: boolean } = {}) {
  const f: FakeVm = fakeVm();
  let made = 0;
  const states: VmStatus[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-bvm-'));
  const backend: Backend = createBackend({
    connection: connection('local'),
    dataDir,
    connect: async (t) => ({ connection: connection(t.name) }),
    makeVm: () => (made++, f.vm),
    ...(opts.adopt ? { vm: f.vm, target: { name: 'vm', engine: 'vm' } } : {}),
  });
  backend.on('vm:state', (s) => states.push(s));
  cleanups.push(
    () => rmSync(dataDir, { recursive: true, force: true }),
    () => f.cleanup(),
    () => backend.close(),
  );
  return { f, backend, states, made: () => made };
}
const ok = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message} (${e.error.detail})`);
  return e.value as T;
};
const overview = async (b: Backend): Promise<VmOverview> => ok<VmOverview>(await b.invoke('vm:overview', {}));
const use = async (b: Backend, name: string) =>
  ok<{ status: EngineStatus; overview: TargetsOverview }>(await b.invoke('targets:use', { name }));

/** A VM that reconcile finds running, with a key for its (unanswered) SSH port. */
async function seedRunning(f: FakeVm): Promise<void> {
  f.seedRunning(await freePort());
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', f.vm.files.key]);
}

describe('the VM beside the engine', () => {
  it('vm:* calls work with the local engine active; the VM is made once, on first use', async () => {
    const { backend, made, states } = setup();
    expect(made()).toBe(0);
    const o = await overview(backend);
    expect(o).toMatchObject({ available: true, inUse: false, engine: 'local', status: { state: 'absent' } });
    await overview(backend);
    expect(made()).toBe(1);
    // Start from the panel: created, then started (the fake does not boot); each state is broadcast.
    const s = ok<VmStatus>(await backend.invoke('vm:start', {}));
    expect(s.state).toBe('error');
    expect(states.map((x) => x.state)).toEqual(expect.arrayContaining(['creating', 'stopped', 'starting', 'error']));
    expect(ok<EngineStatus>(await backend.invoke('engine:status', {})).target).toBe('local');
  });

  it('switching to vm uses that same running VM (no start), and switching away leaves it running', async () => {
    const { f, backend, made } = setup();
    await seedRunning(f);
    expect((await overview(backend)).status?.state).toBe('running');
    const toVm = await use(backend, 'vm');
    expect(toVm.status.target).toBe('vm');
    expect(toVm.status.endpoint).toMatch(/^vm:default \(ssh:\/\/root@127\.0\.0\.1:\d+\)$/);
    expect(f.driver.calls).not.toContain('start');
    expect(await overview(backend)).toMatchObject({ inUse: true, engine: 'vm', status: { state: 'running' } });

    const back = await use(backend, 'local');
    expect(back.status.target).toBe('local');
    expect(f.vm.status.state).toBe('running');
    expect(f.driver.calls).toEqual([]);
    expect(f.driver.alivePid(f.vm.files)).not.toBeNull();
    expect(await overview(backend)).toMatchObject({ inUse: false, engine: 'local', status: { state: 'running' } });
    expect(made()).toBe(1);

    // The user stops it from the panel, with the local engine still active.
    expect(ok<VmStatus>(await backend.invoke('vm:stop', {})).state).toBe('stopped');
    expect(ok<EngineStatus>(await backend.invoke('engine:status', {})).target).toBe('local');
  });

  it('switching to a stopped vm starts it first; a failed start keeps the engine that was active', async () => {
    const { f, backend } = setup();
    const r = await backend.invoke('targets:use', { name: 'vm' });
    expect(r.ok ? 'ok' : r.error.code).toBe('VM_START_FAILED');
    expect(f.driver.calls).toContain('start');
    expect(ok<EngineStatus>(await backend.invoke('engine:status', {})).target).toBe('local');
    expect((await overview(backend)).status?.state).toBe('error');
  });

  it('a VM set up before the backend (started on vm) is adopted: no second manager', async () => {
    const { f, backend, made, states } = setup({ adopt: true });
    await seedRunning(f);
    await f.vm.reconcile();
    expect(await overview(backend)).toMatchObject({ inUse: true, engine: 'vm', status: { state: 'running' } });
    expect(made()).toBe(0);
    expect(states.at(-1)?.state).toBe('running');
    await use(backend, 'local');
    expect(f.vm.status.state).toBe('running');
  });

  it('closing the backend stops watching the VM (no more vm:state) and leaves it as it is', async () => {
    const { f, backend, states } = setup();
    await seedRunning(f);
    await overview(backend);
    f.answer.value = 'engine';
    await until(() => states.some((s) => s.state === 'degraded'));
    await backend.close();
    const n = states.length;
    f.answer.value = 'ok';
    await new Promise((r) => setTimeout(r, 200));
    expect(states.length).toBe(n);
    expect(f.driver.calls).toEqual([]);
  });
});
