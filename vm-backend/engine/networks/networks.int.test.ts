// Against the real dockerd, reached on the local socket and then over the test sshd (the same
// engine behind both): create with a subnet, two containers on it seen live with their IPs, the
// picture's veth pairs read on the engine's host, the bad inputs refused with a code, a remove in
// use naming both containers, connect with an alias and disconnect, remove and prune (ours only).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkPicture, NetworkRow } from '../../api/contract.networks';
import type { EngineStatus, ListChange, Listing } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { localConnectionFromEnv } from '../../connection/local';
import { type TestSshd, testSshd } from '../../connection/ssh/test-sshd';
import { until } from '../../testing/until';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { targetConnector } from '../../wiring/connect-target';
import { docker, uniqueName } from '../test-client';

const IMAGE = 'wharf-fixture/busybox:1';
const LABEL = 'wharf.test';
const dataDir = mkdtempSync(join(tmpdir(), 'wharf-networks-'));
let sshd: TestSshd;
let backend: Backend;
const changes: ListChange<NetworkRow>[] = [];
const made: { containers: string[]; networks: string[] } = { containers: [], networks: [] };

const ok = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message} (${e.error.detail})`);
  return e.value as T;
};
const code = (e: Envelope<unknown>): string => (e.ok ? 'ok' : e.error.code);
const rows = async (): Promise<NetworkRow[]> => ok<Listing<NetworkRow>>(await backend.invoke('networks:list', {})).rows;
/** A /24 in 10.200-249.x: unlikely to be taken; the overlap case below is made against it. */
const freeSubnet = async (): Promise<string> => {
  const taken = (await rows()).flatMap((r) => r.subnets.map((s) => s.subnet));
  for (;;) {
    const s = `10.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}.0/24`;
    if (!taken.some((t) => t.startsWith(s.split('.').slice(0, 2).join('.')))) return s;
  }
};

beforeAll(async () => {
  sshd = testSshd();
  backend = createBackend({
    connection: localConnectionFromEnv(),
    dataDir,
    dockerSocket: false,
    connect: targetConnector({ dataDir }),
  });
  backend.on('networks:changed', (c) => changes.push(c));
  await until(async () => ok<EngineStatus>(await backend.invoke('engine:status', {})).state === 'ready');
  ok(await backend.invoke('targets:save', { name: 'sshd', address: sshd.spec, identity: sshd.identity }));
}, 60_000);

afterAll(async () => {
  await backend?.close();
  for (const c of made.containers) await docker('rm', '-f', c).catch(() => '');
  for (const n of made.networks) await docker('network', 'rm', n).catch(() => '');
});

async function scenario(engine: string): Promise<void> {
  const net = uniqueName(`wharf-net-${engine}`);
  const [a, b, c] = ['a', 'b', 'c'].map((x) => uniqueName(`wharf-net-${x}`)) as [string, string, string];
  made.networks.push(net);
  made.containers.push(a, b, c);
  await rows(); // the cache is loaded: events from here on are patches
  const subnet = await freeSubnet();
  const gateway = subnet.replace(/0\/24$/, '1');
  const created = ok<{ id: string }>(
    await backend.invoke('networks:create', { name: net, subnet, gateway, internal: false, labels: { [LABEL]: '1' } }),
  );
  // Live: the create arrives as a patch without listing again.
  await until(() => changes.some((ch) => ch.kind === 'patch' && ch.upserts.some((r) => r.id === created.id)));

  // Bad input, each with its code: overlap with the one just made, a gateway outside, malformed.
  const again = { name: `${net}-2`, internal: false };
  expect(code(await backend.invoke('networks:create', { ...again, subnet: subnet.replace(/\/24$/, '/25') }))).toBe(
    'NETWORK_SUBNET_OVERLAP',
  );
  expect(code(await backend.invoke('networks:create', { ...again, subnet, gateway: '192.0.2.1' }))).toBe(
    'NETWORK_INVALID',
  );
  expect(code(await backend.invoke('networks:create', { ...again, subnet: '10.999.0.0/24' }))).toBe('NETWORK_INVALID');
  expect(code(await backend.invoke('networks:create', { ...again, subnet: '10.1.2.3/24' }))).toBe('NETWORK_INVALID');
  expect(code(await backend.invoke('networks:create', { name: net, internal: false }))).toBe('NETWORK_NAME_TAKEN');
  expect(code(await backend.invoke('networks:create', { name: '../x', internal: false }))).toBe('INVALID_INPUT');
  expect(code(await backend.invoke('networks:remove', { network: 'bridge' }))).toBe('NETWORK_BUILTIN');

  for (const name of [a, b])
    await docker('run', '-d', '--name', name, '--label', `${LABEL}=1`, '--network', net, IMAGE, 'sleep', '300');
  await docker('run', '-d', '--name', c, '--label', `${LABEL}=1`, IMAGE, 'sleep', '300');
  const row = await until(async () => {
    const r = (await rows()).find((x) => x.id === created.id);
    return r && r.containers.length === 2 && r.containers.every((e) => e.ipv4 && e.mac) ? r : undefined;
  });
  expect(row).toMatchObject({ name: net, driver: 'bridge', subnets: [{ subnet, gateway }], builtin: false });
  expect(row.bridge).toBe(`br-${created.id.slice(0, 12)}`);
  for (const e of row.containers) expect(e.ipv4?.startsWith(subnet.replace(/0\/24$/, ''))).toBe(true);

  // The picture: each container's eth0 paired with a veth on the host's bridge.
  const pic = ok<NetworkPicture>(await backend.invoke('networks:picture', { network: created.id }));
  expect(pic).toMatchObject({ bridge: row.bridge, bridgeSeen: true, via: 'helper', subnet, gateway });
  expect(pic.ends.map((e) => e.name).sort()).toEqual([a, b].sort());
  for (const e of pic.ends) {
    expect(e.ifname).toBe('eth0');
    expect(e.hostVeth).toMatch(/^veth/);
  }
  expect(new Set(pic.ends.map((e) => e.hostVeth)).size).toBe(2);
  // The host's own view agrees: that veth's master is this network's bridge.
  const master = await docker(
    'run',
    '--rm',
    '--network',
    'host',
    '--label',
    'wharf.probe=1',
    IMAGE,
    'readlink',
    `/sys/class/net/${pic.ends[0]?.hostVeth}/master`,
  );
  expect(master.endsWith(`/${row.bridge}`)).toBe(true);

  // In use: the refusal names both containers.
  const inUse = await backend.invoke('networks:remove', { network: net });
  expect(code(inUse)).toBe('NETWORK_IN_USE');
  if (!inUse.ok) for (const name of [a, b]) expect(inUse.error.message).toContain(name);

  // Connect c with an alias (b reaches it by that name), then disconnect; each seen live.
  ok(await backend.invoke('networks:connect', { network: net, container: c, alias: 'wharf-alias' }));
  expect(code(await backend.invoke('networks:connect', { network: net, container: c }))).toBe(
    'NETWORK_ALREADY_CONNECTED',
  );
  await until(() =>
    changes.some(
      (ch) => ch.kind === 'patch' && ch.upserts.some((r) => r.id === created.id && r.containers.length === 3),
    ),
  );
  await docker('exec', b, 'ping', '-c', '1', '-W', '2', 'wharf-alias');
  ok(await backend.invoke('networks:disconnect', { network: net, container: c, force: false }));
  expect(code(await backend.invoke('networks:disconnect', { network: net, container: c, force: false }))).toBe(
    'NETWORK_NOT_CONNECTED',
  );
  await until(async () => (await rows()).find((x) => x.id === created.id)?.containers.length === 2);

  for (const name of [a, b, c]) await docker('rm', '-f', name);
  await until(async () => (await rows()).find((x) => x.id === created.id)?.containers.length === 0);
  ok(await backend.invoke('networks:remove', { network: net }));
  await until(() => changes.some((ch) => ch.kind === 'patch' && ch.removed.includes(created.id)));

  // Prune, limited to our label: an unused network of ours goes, nobody else's.
  const spare = uniqueName('wharf-net-spare');
  made.networks.push(spare);
  ok(await backend.invoke('networks:create', { name: spare, internal: true, labels: { [LABEL]: '1' } }));
  const pruned = ok<{ deleted: string[] }>(await backend.invoke('networks:prune', { label: `${LABEL}=1` }));
  expect(pruned.deleted).toContain(spare);
  expect(code(await backend.invoke('networks:prune', { label: 'bad label' }))).toBe('INVALID_INPUT');
}

describe('networks on the real engine', () => {
  it(
    'local socket: create, live, picture, bad input, in use, connect/disconnect, prune',
    () => scenario('local'),
    90_000,
  );
  it('over SSH: the same, the picture read on the engine host through the link', async () => {
    const use = ok<{ status: EngineStatus }>(await backend.invoke('targets:use', { name: 'sshd' }));
    expect(use.status).toMatchObject({ state: 'ready', target: 'sshd' });
    await scenario('ssh');
  }, 120_000);
});
