// Against the real dockerd and the test sshd: one backend switches local -> SSH -> local. The same
// engine sits behind both, so both list the same containers; followed logs end with a reason; the
// SSH link, its channels, the host Docker socket and their file descriptors are gone afterwards.
import { until } from '../testing/until';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetsOverview, TargetTestResult } from '../api/contract.targets';
import type { ContainerRow, EngineStatus, Listing } from '../api/types';
import type { Envelope } from '../api/wire';
import { createBackend } from './backend';
import type { Backend } from './backend-types';
import { targetConnector } from './connect-target';
import { localConnectionFromEnv } from '../connection/local';
import { probeTarget } from './probe-target';
import { fingerprint } from '../connection/ssh/host-keys';
import { sshdChildren, type TestSshd, testSshd } from '../connection/ssh/test-sshd';
import { docker, recordingClient, uniqueName } from '../engine/test-client';

const IMAGE = 'wharf-fixture/busybox:1';
const dataDir = mkdtempSync(join(tmpdir(), 'wharf-switch-'));
let sshd: TestSshd;
let backend: Backend;
const name = uniqueName('wharf-switch');
const prevDockerConfig = process.env.DOCKER_CONFIG;

const ok = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message} (${e.error.detail})`);
  return e.value as T;
};
const fds = (): number => readdirSync('/proc/self/fd').length;
const ready = () =>
  until(async () => {
    const s = ok<EngineStatus>(await backend.invoke('engine:status', {}));
    return s.state === 'ready' ? s : undefined;
  });
const names = async (): Promise<string[]> =>
  ok<Listing<ContainerRow>>(await backend.invoke('containers:list', {})).rows.map((r) => r.name);
const sockets = (): string[] => (existsSync(join(dataDir, 'sock')) ? readdirSync(join(dataDir, 'sock')) : []);

beforeAll(async () => {
  sshd = testSshd();
  // The host socket registers a docker context: keep it out of this machine's ~/.docker.
  process.env.DOCKER_CONFIG = mkdtempSync(join(tmpdir(), 'wharf-switch-dcfg-'));
  await docker(
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'wharf.test=1',
    IMAGE,
    'sh',
    '-c',
    'while true; do echo tick; sleep 0.2; done',
  );
  backend = createBackend({
    connection: localConnectionFromEnv(),
    dataDir,
    dockerSocket: true,
    connect: targetConnector({ dataDir }),
  });
  await ready();
}, 60_000);
afterAll(async () => {
  await backend?.close();
  await docker('rm', '-f', name).catch(() => '');
  if (prevDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
  else process.env.DOCKER_CONFIG = prevDockerConfig;
});

describe('switching engines for real', () => {
  it('tests the SSH target first: engine version and the host key pinned on first use', async () => {
    ok(await backend.invoke('targets:save', { name: 'sshd', address: sshd.spec, identity: sshd.identity }));
    const expected = fingerprint(
      Buffer.from(readFileSync(sshd.hostKeyPub, 'utf8').trim().split(/\s+/)[1] ?? '', 'base64'),
    );
    const first = ok<TargetTestResult>(await backend.invoke('targets:test', { name: 'sshd' }));
    expect(first).toMatchObject({ ok: true, hostKey: expected, hostKeyFirstUse: true });
    expect(first.engineVersion).toMatch(/^\d+\.\d+/);
    const again = ok<TargetTestResult>(await backend.invoke('targets:test', { name: 'sshd' }));
    expect(again.hostKey).toBe(expected);
    expect(again.hostKeyFirstUse).toBeUndefined();
  });

  it('local -> sshd -> local: same containers, streams ended, nothing left open', async () => {
    expect(await names()).toContain(name);
    const children = sshdChildren(sshd.pidFile).length;
    const fdsBefore = fds();
    const client = recordingClient();
    const { stream } = ok<{ stream: string }>(
      await backend.invoke('logs:open', { id: name, tail: 5, timestamps: false, follow: true }, client),
    );
    await client.waitFor(() => client.text('logs:chunk', stream).includes('tick'));

    const toSsh = ok<{ status: EngineStatus; overview: TargetsOverview }>(
      await backend.invoke('targets:use', { name: 'sshd' }),
    );
    expect(toSsh.status).toMatchObject({ state: 'ready', target: 'sshd' });
    expect(toSsh.overview.active).toBe('sshd');
    expect(client.events.find((e) => e.event === 'logs:end')?.payload).toMatchObject({
      stream,
      reason: 'error',
      error: { code: 'ENGINE_SWITCHED' },
    });
    expect(await names()).toContain(name);
    await until(() => (sockets().length === 1 ? true : undefined));
    // A log on the new engine works over the SSH link.
    const c2 = recordingClient();
    const s2 = ok<{ stream: string }>(
      await backend.invoke('logs:open', { id: name, tail: 5, timestamps: false, follow: true }, c2),
    ).stream;
    await c2.waitFor(() => c2.text('logs:chunk', s2).includes('tick'));

    const back = ok<{ status: EngineStatus }>(await backend.invoke('targets:use', { name: 'local' }));
    expect(back.status).toMatchObject({ state: 'ready', target: 'local' });
    expect(c2.events.some((e) => e.event === 'logs:end')).toBe(true);
    expect(await names()).toContain(name);
    expect(sockets()).toEqual([]);
    // The SSH connection is closed on the sshd side, and this process holds no more descriptors.
    await until(() => (sshdChildren(sshd.pidFile).length <= children ? true : undefined));
    await until(() => (fds() <= fdsBefore + 2 ? true : undefined));
    const count = c2.events.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(c2.events.length).toBe(count);
  }, 60_000);

  it('a wrong key and a changed host key are refused with their codes', async () => {
    const keyDir = mkdtempSync(join(tmpdir(), 'wharf-wrongkey-'));
    const wrong = join(keyDir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', wrong]);
    ok(await backend.invoke('targets:save', { name: 'wrongkey', address: sshd.spec, identity: wrong }));
    const r = ok<TargetTestResult>(await backend.invoke('targets:test', { name: 'wrongkey' }));
    expect(r.error?.code).toBe('SSH_AUTH_FAILED');
    // Switching to it fails with the same error and leaves the local engine in place.
    const use = await backend.invoke('targets:use', { name: 'wrongkey' });
    expect(use.ok ? (use.value as { status: EngineStatus }).status.error?.code : use.error.code).toBe(
      'SSH_AUTH_FAILED',
    );

    const other = mkdtempSync(join(tmpdir(), 'wharf-hostkey-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(other, 'fake')]);
    const [type, blob] = readFileSync(join(other, 'fake.pub'), 'utf8').trim().split(/\s+/);
    execFileSync('mkdir', ['-p', join(other, 'ssh')]);
    execFileSync('sh', [
      '-c',
      `printf '%s\\n' "[127.0.0.1]:${sshd.target.port} ${type} ${blob}" > ${join(other, 'ssh', 'known_hosts')}`,
    ]);
    const changed = await probeTarget({ name: 'x', engine: sshd.spec, identity: sshd.identity }, other);
    expect(changed.error?.code).toBe('SSH_HOST_KEY_CHANGED');
  }, 60_000);
});
