// Against the real dockerd: the volume list with its users, live through events, sizes apart,
// create / remove (in use: the containers named) / prune. Everything made here is labelled
// wharf.test=1 and removed by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VolumeRow, VolumeSizes } from '../../api/contract.volumes';
import type { EngineStatus, ListChange, Listing, WharfErrorShape } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { localConnectionFromEnv } from '../../connection/local';
import { until } from '../../testing/until';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { docker, uniqueName } from '../test-client';

let backend: Backend;
const changes: ListChange<VolumeRow>[] = [];
const vols: string[] = [];
const ctrs: string[] = [];

async function ok<T>(name: string, input: unknown): Promise<T> {
  const e = (await backend.invoke(name, input)) as Envelope<T>;
  if (!e.ok) throw new Error(`${name}: ${JSON.stringify(e.error)}`);
  return e.value;
}
async function fails(name: string, input: unknown): Promise<WharfErrorShape> {
  const e = await backend.invoke(name, input);
  if (e.ok) throw new Error(`${name} should have failed`);
  return e.error;
}
/** The row of `name` as the patches left it, after the first listing. */
function live(base: Listing<VolumeRow>): Map<string, VolumeRow> {
  const rows = new Map(base.rows.map((r) => [r.name, r]));
  for (const c of changes) {
    if (c.seq <= base.seq) continue;
    if (c.kind === 'reset') {
      rows.clear();
      for (const r of c.rows) rows.set(r.name, r);
    } else {
      for (const r of c.upserts) rows.set(r.name, r);
      for (const id of c.removed) rows.delete(id);
    }
  }
  return rows;
}

beforeAll(async () => {
  backend = createBackend({ connection: localConnectionFromEnv() });
  backend.on('volumes:changed', (c) => changes.push(c));
  await until(async () => ((await ok<EngineStatus>('engine:status', {})).state === 'ready' ? true : undefined));
});
afterAll(async () => {
  if (ctrs.length) await docker('rm', '-f', ...ctrs).catch(() => '');
  if (vols.length) await docker('volume', 'rm', '-f', ...vols).catch(() => '');
  await backend.close();
});

describe('volumes against the engine', () => {
  it('lists volumes with the containers using them, and follows events', async () => {
    const v = uniqueName('wvol');
    vols.push(v);
    await docker('volume', 'create', '--label', 'wharf.test=1', v);
    const base = await ok<Listing<VolumeRow>>('volumes:list', {});
    const row = base.rows.find((r) => r.name === v);
    expect(row).toMatchObject({ driver: 'local', anonymous: false, users: [] });
    expect(row?.labels['wharf.test']).toBe('1');
    expect(row?.created).toBeGreaterThan(Date.now() - 60_000);

    // A container made by the CLI shows as a user, stopped, then running; its removal clears it.
    const c = uniqueName('wvolc');
    ctrs.push(c);
    await docker(
      'create',
      '--name',
      c,
      '--label',
      'wharf.test=1',
      '-v',
      `${v}:/data`,
      'wharf-fixture/busybox:1',
      'sleep',
      '60',
    );
    await until(() => (live(base).get(v)?.users[0]?.name === c ? true : undefined), 5000);
    expect(live(base).get(v)?.users[0]?.running).toBe(false);
    await docker('start', c);
    await until(() => (live(base).get(v)?.users[0]?.running ? true : undefined), 5000);

    // In use: refused, with the container named, and the volume still there.
    const inUse = await fails('volumes:remove', { name: v });
    expect(inUse.code).toBe('VOLUME_IN_USE');
    expect(inUse.message).toContain(c);
    expect(await docker('volume', 'ls', '-q', '--filter', `name=${v}`)).toContain(v);

    await docker('rm', '-f', c);
    await until(() => (live(base).get(v)?.users.length === 0 ? true : undefined), 5000);
    await docker('volume', 'rm', v);
    await until(() => (live(base).has(v) ? undefined : true), 5000);
  });

  it('creates with labels and options, refuses a bad name, removes', async () => {
    const v = uniqueName('wvolmk');
    vols.push(v);
    const row = await ok<VolumeRow>('volumes:create', {
      name: v,
      labels: { 'wharf.test': '1', purpose: 'lesson' },
      driverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' },
    });
    expect(row).toMatchObject({ name: v, driver: 'local', labels: { purpose: 'lesson' } });
    expect(JSON.parse(await docker('volume', 'inspect', v))[0].Options).toEqual({
      type: 'tmpfs',
      device: 'tmpfs',
      o: 'size=1m',
    });
    expect((await fails('volumes:create', { name: '../etc' })).code).toBe('INVALID_INPUT');
    expect((await fails('volumes:create', { name: 'ok1', labels: { 'a\nb': 'x' } })).code).toBe('INVALID_INPUT');
    expect(await ok('volumes:remove', { name: v })).toEqual({ removed: v });
    expect((await fails('volumes:remove', { name: v })).code).toBe('VOLUME_NOT_FOUND');
  });

  it('measures sizes apart from the list, and prunes only unused volumes with the space said first', async () => {
    const used = uniqueName('wvolused');
    const unused = uniqueName('wvolfree');
    const c = uniqueName('wvolw');
    vols.push(used, unused);
    ctrs.push(c);
    await docker('volume', 'create', '--label', 'wharf.test=1', used);
    await docker('volume', 'create', '--label', 'wharf.test=1', unused);
    await docker(
      'run',
      '--name',
      c,
      '--label',
      'wharf.test=1',
      '-v',
      `${unused}:/d`,
      'wharf-fixture/busybox:1',
      'sh',
      '-c',
      'head -c 300000 /dev/zero > /d/f',
    );
    await docker('rm', c);
    await docker('create', '--name', c, '--label', 'wharf.test=1', '-v', `${used}:/d`, 'wharf-fixture/busybox:1');
    const sizes = await ok<VolumeSizes>('volumes:sizes', {});
    expect(sizes.sizes[unused]).toBeGreaterThanOrEqual(300000);
    const preview = await ok<{ volumes: { name: string; size: number }[]; bytes: number }>('volumes:prune-preview', {});
    const names = preview.volumes.map((p) => p.name);
    expect(names).toContain(unused);
    expect(names).not.toContain(used);
    expect(preview.bytes).toBeGreaterThanOrEqual(300000);
  });
});
