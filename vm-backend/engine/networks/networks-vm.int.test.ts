// The picture on Wharf's own VM (QEMU TCG): the same helper containers, started through the VM's
// engine over its SSH link, read the guest's /sys/class/net, so each container's eth0 is paired
// with its veth on the guest's bridge. Nothing is pulled: a static busybox is imported in the
// guest. Skipped, with the reason printed, only when QEMU cannot run on this host at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkPicture, NetworkRow } from '../../api/contract.networks';
import type { VmStatus } from '../../api/contract.vm';
import type { EngineStatus, Listing } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { localConnectionFromEnv } from '../../connection/local';
import { until } from '../../testing/until';
import { guestExec } from '../../vm/guest/guest-link';
import { openImage } from '../../vm/image/image';
import type { VmManager } from '../../vm/lifecycle/vm-manager';
import { buildImage, busyboxTar, qemuMissingReason } from '../../vm/testing/vm-fixtures';
import { createVmManager } from '../../vm/vm-setup';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { targetConnector } from '../../wiring/connect-target';

const skip = qemuMissingReason();
if (skip) console.warn(`SKIPPED networks-vm.int.test.ts: ${skip}`);

const ok = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message} (${e.error.detail})`);
  return e.value as T;
};

describe.skipIf(skip !== null)('the network picture in the VM (QEMU TCG)', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-netvm-'));
  let backend: Backend;
  let vm: VmManager | null = null;
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => ok<T>(await backend.invoke(name, input));
  const guest = (cmd: string, input?: Buffer) => {
    if (!vm?.sshPort) throw new Error('no VM');
    return guestExec(vm.files, vm.sshPort, cmd, 60_000, input);
  };

  beforeAll(async () => {
    const imageDir = buildImage();
    backend = createBackend({
      connection: localConnectionFromEnv(),
      dataDir,
      connect: targetConnector({ dataDir }),
      makeVm: () => {
        vm = createVmManager(dataDir, {
          image: () => openImage(imageDir),
          accel: async () => ({ accel: 'tcg', reason: 'tests use tcg' }),
          restrictNetwork: true,
          bootTimeoutMs: 240_000,
          stopTimeoutMs: 60_000,
        });
        return vm;
      },
    });
  }, 20 * 60_000);
  afterAll(async () => {
    await backend?.close();
    await vm?.stop(true).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pairs each eth0 with its veth on the guest bridge', async () => {
    expect((await call<VmStatus>('vm:start')).state).toBe('running');
    await call('targets:use', { name: 'vm' });
    await until(async () => {
      const s = await call<EngineStatus>('engine:status');
      return s.target === 'vm' && s.state === 'ready';
    }, 60_000);
    const load = await guest('docker import - wharf-fixture/busybox:1', busyboxTar());
    expect(load.code, load.stderr).toBe(0);
    const created = await call<{ id: string }>('networks:create', {
      name: 'lab',
      subnet: '10.77.1.0/24',
      gateway: '10.77.1.1',
      internal: false,
    });
    for (const n of ['db', 'web']) {
      const r = await guest(`docker run -d --name ${n} --network lab wharf-fixture/busybox:1 sleep 600`);
      expect(r.code, r.stderr).toBe(0);
    }
    await until(async () => {
      const rows = (await call<Listing<NetworkRow>>('networks:list')).rows;
      return rows.find((r) => r.id === created.id)?.containers.length === 2;
    }, 30_000);
    const pic = await call<NetworkPicture>('networks:picture', { network: 'lab' });
    expect(pic).toMatchObject({ via: 'helper', bridgeSeen: true, bridge: `br-${created.id.slice(0, 12)}` });
    expect(pic.ends.map((e) => [e.name, e.ifname])).toEqual([
      ['db', 'eth0'],
      ['web', 'eth0'],
    ]);
    for (const e of pic.ends) expect(e.hostVeth).toMatch(/^veth/);
    // The guest agrees: that veth is a port of the bridge.
    const brif = await guest(`ls /sys/class/net/${pic.bridge}/brif`);
    for (const e of pic.ends) expect(brif.stdout).toContain(e.hostVeth);
    console.log(`VM picture: ${pic.bridge} ${pic.ends.map((e) => `${e.name}:${e.ipv4}<->${e.hostVeth}`).join(' ')}`);
  });
});
