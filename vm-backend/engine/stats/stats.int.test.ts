// The stats domain through the whole backend against the real dockerd, first on the local socket
// and then over SSH (the test sshd, same engine): one-shot samples with the engine's formulas, a
// --memory 64m container's usage rising in the stream, docker top, docker update moving the limit
// at once, limits the engine would refuse, and a stream that ends when its container exits.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LimitsResult } from '../../api/contract.stats';
import type { StatsEndEvent, StatsOpened, StatsRow, StatsSampleEvent, TopResult } from '../../api/stats-types';
import type { EngineStatus } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { localConnectionFromEnv } from '../../connection/local';
import { type TestSshd, testSshd } from '../../connection/ssh/test-sshd';
import { until } from '../../testing/until';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { targetConnector } from '../../wiring/connect-target';
import { docker, recordingClient, uniqueName } from '../test-client';

const IMAGE = 'wharf-fixture/busybox:1';
const MiB = 1024 * 1024;
const dataDir = mkdtempSync(join(tmpdir(), 'wharf-stats-'));
const prevDockerConfig = process.env.DOCKER_CONFIG;
let sshd: TestSshd;
let backend: Backend;
const made: string[] = [];

const ok = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message} (${e.error.detail})`);
  return e.value as T;
};
const code = (e: Envelope<unknown>): string => (e.ok ? 'ok' : e.error.code);

/** A --memory 64m container that takes 2 MB more of shared memory every 0.3 s, up to 40 MB. */
async function allocating(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  made.push(name);
  await docker(
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'wharf.test=1',
    '--memory',
    '64m',
    IMAGE,
    'sh',
    '-c',
    'i=0; while [ $i -lt 20 ]; do dd if=/dev/zero of=/dev/shm/f$i bs=1M count=2 2>/dev/null; i=$((i+1)); sleep 0.3; done; exec sleep 600',
  );
  return name;
}

beforeAll(async () => {
  sshd = testSshd();
  process.env.DOCKER_CONFIG = mkdtempSync(join(tmpdir(), 'wharf-stats-dcfg-'));
  backend = createBackend({ connection: localConnectionFromEnv(), dataDir, connect: targetConnector({ dataDir }) });
  await until(async () => ok<EngineStatus>(await backend.invoke('engine:status', {})).state === 'ready');
  ok(await backend.invoke('targets:save', { name: 'sshd', address: sshd.spec, identity: sshd.identity }));
}, 60_000);
afterAll(async () => {
  await backend?.close();
  for (const n of made) await docker('rm', '-f', n).catch(() => '');
  if (prevDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
  else process.env.DOCKER_CONFIG = prevDockerConfig;
});

describe.each(['local', 'sshd'])('stats, top and update on the %s engine', (target) => {
  it('switches to the engine', async () => {
    const r = ok<{ status: EngineStatus }>(await backend.invoke('targets:use', { name: target }));
    expect(r.status).toMatchObject({ state: 'ready', target });
  });

  it('samples once with the limit, then CPU from the previous reading; streams usage rising', async () => {
    const name = await allocating('wharf-stats');
    const first = ok<StatsRow[]>(await backend.invoke('stats:sample', { ids: [name, 'wharf-no-such-ctr'] }));
    expect(first).toHaveLength(2);
    const s1 = 'sample' in first[0]! ? first[0].sample : null;
    expect(s1).toMatchObject({ memLimit: 64 * MiB, memLimited: true });
    expect(first[1]).toMatchObject({ id: 'wharf-no-such-ctr', error: expect.stringMatching(/no such container/i) });
    await new Promise((r) => setTimeout(r, 300));
    const second = ok<StatsRow[]>(await backend.invoke('stats:sample', { ids: [name] }));
    expect('sample' in second[0]! && second[0].sample.cpuPct).toEqual(expect.any(Number));

    const client = recordingClient();
    const { stream } = ok<StatsOpened>(await backend.invoke('stats:open', { id: name }, client));
    const samples = (): StatsSampleEvent['sample'][] =>
      client.events
        .filter((e) => e.event === 'stats:sample' && (e.payload as StatsSampleEvent).stream === stream)
        .map((e) => (e.payload as StatsSampleEvent).sample);
    await client.waitFor(() => samples().length >= 4, 20_000);
    const used = samples().map((s) => s.memUsed);
    expect(Math.max(...used)).toBeGreaterThan(Math.min(...used) + 4 * MiB);
    expect(samples().every((s) => s.memLimit === 64 * MiB)).toBe(true);
    // The first reading has no earlier one to compare (preread is empty); every later one has a CPU %.
    expect(
      samples()
        .slice(1)
        .every((s) => typeof s.cpuPct === 'number'),
    ).toBe(true);

    // docker top: the container's processes with their PIDs on the engine's host.
    const top = ok<TopResult>(await backend.invoke('stats:top', { id: name }));
    expect(top.titles).toContain('PID');
    expect(top.processes.some((p) => p.join(' ').includes('sh -c') || p.join(' ').includes('sleep'))).toBe(true);

    // docker update: the next reading carries the new limit.
    const up = ok<LimitsResult>(
      await backend.invoke(
        'stats:update',
        { id: name, limits: { memory: '96m', memorySwap: '', cpus: '0.5', cpuShares: '', pidsLimit: '' } },
        client,
      ),
    );
    expect(up.limits).toMatchObject({ memory: '96m', cpus: '0.5' });
    const before = samples().length;
    await client.waitFor(
      () =>
        samples()
          .slice(before)
          .some((s) => s.memLimit === 96 * MiB),
      10_000,
    );

    // Bad input: below the engine's 6 MB, more CPUs than the host has; nothing changed.
    const limits = { memory: '', memorySwap: '', cpus: '', cpuShares: '', pidsLimit: '' };
    expect(code(await backend.invoke('stats:update', { id: name, limits: { ...limits, memory: '4m' } }))).toBe(
      'LIMIT_INVALID',
    );
    expect(code(await backend.invoke('stats:update', { id: name, limits: { ...limits, cpus: '64' } }))).toBe(
      'LIMIT_INVALID',
    );
    expect(
      code(await backend.invoke('stats:update', { id: name, limits: { ...limits, memory: 'x'.repeat(40) } })),
    ).toBe('INVALID_INPUT');
    expect(ok<LimitsResult>(await backend.invoke('stats:limits', { id: name })).limits.memory).toBe('96m');

    // The container exits while its stats stream: a clear end, never a stream left waiting.
    await docker('kill', name);
    await client.waitFor(() => client.events.some((e) => e.event === 'stats:end'), 10_000);
    const end = client.events.find((e) => e.event === 'stats:end')?.payload as StatsEndEvent;
    expect(end).toEqual({ stream, reason: 'exited' });
    expect(code(await backend.invoke('stats:close', { stream }, client))).toBe('STREAM_NOT_FOUND');
    expect(code(await backend.invoke('stats:open', { id: name }, client))).toBe('STATS_NOT_RUNNING');
    expect(code(await backend.invoke('stats:top', { id: name }))).not.toBe('ok');
  }, 60_000);

  it('runs with the limits of the run dialog, and refuses what the engine would', async () => {
    const name = uniqueName('wharf-stats-run');
    made.push(name);
    const form = (limits: Record<string, string>, n = name) => ({
      form: {
        image: IMAGE,
        name: n,
        command: 'sleep 600',
        detached: true,
        interactive: false,
        restart: 'no',
        restartMax: '',
        autoRemove: false,
        env: [],
        volumes: [],
        network: '',
        ports: [],
        limits: { memory: '', memorySwap: '', cpus: '', cpuShares: '', pidsLimit: '', ...limits },
      },
      keepOnFailure: false,
    });
    ok(
      await backend.invoke(
        'run:create',
        form({ memory: '64m', memorySwap: '128m', cpus: '0.5', cpuShares: '512', pidsLimit: '50' }),
      ),
    );
    expect(
      await docker(
        'inspect',
        '-f',
        '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.PidsLimit}}',
        name,
      ),
    ).toBe(`${64 * MiB} ${128 * MiB} 500000000 512 50`);
    const low = await backend.invoke('run:create', form({ memory: '4m' }, `${name}-low`));
    expect(low.ok ? 'ok' : [low.error.code, low.error.params?.field]).toEqual(['RUN_INVALID', 'limits.memory']);
    // More CPUs than the host has: the engine's own words, and nothing left behind.
    const many = await backend.invoke('run:create', form({ cpus: '64' }, `${name}-cpus`));
    expect(many.ok).toBe(false);
    expect(many.ok ? '' : many.error.detail).toMatch(/CPUs/);
    // On the field it concerns, so the dialog shows it there.
    expect(many.ok ? '' : many.error.params?.field).toBe('limits.cpus');
    expect(await docker('ps', '-a', '--filter', `name=${name}-`, '--format', '{{.Names}}')).toBe('');
  });
});
