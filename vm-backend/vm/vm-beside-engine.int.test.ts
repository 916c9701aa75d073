// The VM beside the engine, for real: with the local engine (the real dockerd) active, the VM is
// started from the vm:* calls, the backend switches to `vm` (the same QEMU, no second boot) and
// back to local (the VM keeps running), and the VM is stopped from the vm:* calls again.
// Skipped, with the reason printed, only when QEMU cannot run on this host at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetsOverview } from '../api/contract.targets';
import type { VmOverview, VmStatus } from '../api/contract.vm';
import type { ContainerRow, EngineStatus, Listing } from '../api/types';
import type { Envelope } from '../api/wire';
import { createBackend } from '../wiring/backend';
import type { Backend } from '../wiring/backend-types';
import { targetConnector } from '../wiring/connect-target';
import { localConnectionFromEnv } from '../connection/local';
import { until } from '../testing/until';
import { openImage } from './image/image';
import { pidAlive, readPid } from './qemu/pids';
import { buildImage, qemuMissingReason } from './testing/vm-fixtures';
import type { VmManager } from './lifecycle/vm-manager';
import { createVmManager } from './vm-setup';

const skip = qemuMissingReason();
if (skip) console.warn(`SKIPPED vm-beside-engine.int.test.ts: ${skip}`);

const ok = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message} (${e.error.detail})`);
  return e.value as T;
};

describe.skipIf(skip !== null)('the VM beside the engine (QEMU TCG, real dockerd)', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-vmbeside-'));
  let backend: Backend;
  let made: VmManager[] = [];
  const states: VmStatus[] = [];
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => ok<T>(await backend.invoke(name, input));
  const engineReady = (target: string) =>
    until(async () => {
      const s = await call<EngineStatus>('engine:status');
      return s.target === target && s.state === 'ready' ? s : undefined;
    }, 60_000);
  const qemuPid = (): number | null => (made[0] ? readPid(made[0].files.pid) : null);

  beforeAll(async () => {
    const imageDir = buildImage();
    backend = createBackend({
      connection: localConnectionFromEnv(),
      dataDir,
      connect: targetConnector({ dataDir }),
      makeVm: () => {
        const vm = createVmManager(dataDir, {
          image: () => openImage(imageDir),
          accel: async () => ({ accel: 'tcg', reason: 'tests use tcg' }),
          restrictNetwork: true,
          bootTimeoutMs: 240_000,
          stopTimeoutMs: 60_000,
        });
        made.push(vm);
        return vm;
      },
    });
    backend.on('vm:state', (s) => states.push(s));
    await engineReady('local');
  }, 20 * 60_000);
  afterAll(async () => {
    await backend?.close();
    for (const vm of made) await vm.stop(true).catch(() => {});
    made = [];
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('local active: the VM is created and started from the vm:* calls', async () => {
    expect(await call<VmOverview>('vm:overview')).toMatchObject({
      available: true,
      inUse: false,
      engine: 'local',
      status: { state: 'absent' },
    });
    const s = await call<VmStatus>('vm:start');
    expect(s.problem).toBeUndefined();
    expect(s.state).toBe('running');
    expect([...new Set(states.map((x) => x.state))]).toEqual(
      expect.arrayContaining(['creating', 'stopped', 'starting', 'running']),
    );
    expect(pidAlive(qemuPid() as number, 'qemu')).toBe(true);
    // The engine stayed where it was.
    expect((await call<EngineStatus>('engine:status')).target).toBe('local');
  });

  it('switching to vm uses that VM: same QEMU process, no second boot', async () => {
    const pid = qemuPid();
    const starts = states.filter((s) => s.state === 'starting').length;
    const r = await call<{ status: EngineStatus; overview: TargetsOverview }>('targets:use', { name: 'vm' });
    expect(r.overview.active).toBe('vm');
    const ready = await engineReady('vm');
    expect(ready.endpoint).toMatch(/^vm:default /);
    await call<Listing<ContainerRow>>('containers:list');
    expect(qemuPid()).toBe(pid);
    expect(made.length).toBe(1);
    expect(states.filter((s) => s.state === 'starting').length).toBe(starts);
    expect(await call<VmOverview>('vm:overview')).toMatchObject({
      inUse: true,
      engine: 'vm',
      status: { state: 'running' },
    });
  });

  it('switching back to local leaves the VM running; the VM is then stopped from the vm:* calls', async () => {
    const pid = qemuPid() as number;
    await call('targets:use', { name: 'local' });
    await engineReady('local');
    // Give a stop that should not happen the time it would take to show.
    await new Promise((r) => setTimeout(r, 2000));
    expect(pidAlive(pid, 'qemu')).toBe(true);
    expect(await call<VmOverview>('vm:overview')).toMatchObject({
      inUse: false,
      engine: 'local',
      status: { state: 'running' },
    });
    expect(states.some((s) => s.state === 'stopping')).toBe(false);

    expect((await call<VmStatus>('vm:stop')).state).toBe('stopped');
    expect(pidAlive(pid, 'qemu')).toBe(false);
    expect((await call<EngineStatus>('engine:status')).target).toBe('local');
  });
});
