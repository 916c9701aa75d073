// While the `vm` engine's VM is down, everything refuses at once and says why (issue 15 items 3
// and 4). The VM's state machine is driven here; the engine is the shared dockerd behind the test
// sshd, so the forwards, the host socket and the docker CLI are all real (cheap: no guest boot).
// vm.int.test.ts checks the same against a real QEMU that is stopped and SIGKILLed.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../api/types';
import { type HostSocket, startHostSocket } from '../../connection/ssh/host-socket';
import { sshConnection, type SshConnection } from '../../connection/ssh/ssh-connection';
import { testSshd } from '../../connection/ssh/test-sshd';
import { EngineSession } from '../../engine/session';
import { VmStateMachine } from '../lifecycle/vm-state';
import { gateOnVm } from './vm-down';

const run = promisify(execFile);
const IMAGE = 'wharf-fixture/busybox:1';
const made: string[] = [];
let conn: SshConnection;
let session: EngineSession;
let sock: HostSocket;
let machine: VmStateMachine;
let offGate: () => void;
const states: EngineStatus[] = [];

const freePort = (): Promise<number> =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });

/** How a TCP connect to 127.0.0.1:port ends, and how long it took. */
const dial = (port: number): Promise<{ result: string; ms: number }> =>
  new Promise((ok) => {
    const t0 = Date.now();
    const s = connect(port, '127.0.0.1');
    s.setTimeout(5000, () => s.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    s.once('connect', () => (s.destroy(), ok({ result: 'connected', ms: Date.now() - t0 })));
    s.once('error', (e: NodeJS.ErrnoException) => ok({ result: e.code ?? 'error', ms: Date.now() - t0 }));
  });

const get = (port: number): Promise<string> =>
  new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/index.html', agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (b: Buffer) => (body += b.toString()));
      res.on('end', () => ok(body));
    });
    req.on('error', fail);
    req.end();
  });

/** The real docker CLI on the host socket, with how long it took. */
const dockerPs = (): Promise<{ code: number | null; err: string; ms: number }> =>
  new Promise((ok) => {
    const t0 = Date.now();
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'wharf-dcfg-')) };
    delete env.DOCKER_HOST;
    const p = spawn('docker', ['-H', `unix://${sock.path}`, 'ps'], { env });
    let err = '';
    p.stdout.resume();
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    p.on('close', (code) => ok({ code, err, ms: Date.now() - t0 }));
  });

async function until<T>(f: () => T | undefined | false | null, ms = 20_000): Promise<T> {
  for (const end = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 10))) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
  }
}

let port = 0;
beforeAll(async () => {
  const sshd = testSshd();
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-vmdown-'));
  conn = sshConnection({ target: sshd.target, identity: sshd.identity, dataDir, sameHost: false });
  machine = new VmStateMachine('default', 'running');
  offGate = gateOnVm(conn, machine);
  session = new EngineSession(conn, { state: (s) => states.push(s), containers: () => {}, images: () => {} });
  await session.start();
  sock = await startHostSocket(conn.link, sshd.target, dataDir, {
    context: false,
    refuse: () => conn.linkEvents?.down?.() ?? null,
  });
  port = await freePort();
  const name = `wharf-vmdown-${process.pid}-${Date.now().toString(36)}`;
  made.push(name);
  const script = 'mkdir -p /www && echo up > /www/index.html && exec httpd -f -p 80 -h /www';
  await run(
    'docker',
    ['run', '-d', '--name', name, '--label', 'wharf.test=1', '-p', `127.0.0.2:${port}:80`, IMAGE].concat([
      'sh',
      '-c',
      script,
    ]),
  );
  await until(() => conn.ports.forwardedPorts().includes(port));
}, 60_000);

afterAll(async () => {
  if (made.length) await run('docker', ['rm', '-f', ...made]).catch(() => undefined);
  offGate?.();
  await sock?.close();
  await session?.close();
});

describe('the `vm` engine while its VM is down', () => {
  it('serves the forwarded port while the VM runs', async () => {
    await expect.poll(() => get(port).catch(() => ''), { timeout: 10_000 }).toBe('up\n');
  });

  it('a clean stop: ports refused at once, the docker CLI told why at once, the state says "stopped"', async () => {
    machine.to('stopping', 'Stopping');
    machine.to('stopped', 'Stopped');
    const state = await until(() => session.status.state === 'unreachable' && session.status, 1000);
    expect(state.error?.code).toBe('VM_ENGINE_STOPPED');
    expect(state.retryInMs).toBeUndefined();
    // No advice for a Linux dockerd: the way out is starting the VM.
    expect(`${state.error?.message} ${state.error?.hint}`).not.toMatch(/dockerd|systemctl|docker group/);
    expect(state.error?.hint).toMatch(/wharf vm start/);
    // A row's Stop says the same.
    expect(() => session.client()).toThrow(/VM "default" is stopped/);
    const d = await dial(port);
    expect(d.result).toBe('ECONNREFUSED');
    expect(d.ms).toBeLessThan(500);
    const ps = await dockerPs();
    expect(ps.code).not.toBe(0);
    expect(ps.err).toContain('is stopped, so its containers cannot be reached');
    expect(ps.ms).toBeLessThan(5000);
    console.log(`VM down: port refused in ${d.ms} ms, docker ps answered in ${ps.ms} ms`);
  });

  it('the VM back: the engine reconnects by itself and the port is forwarded again', async () => {
    machine.to('starting', 'Booting', { phase: 'booting' });
    expect(session.status.error?.code).toBe('VM_ENGINE_STARTING');
    machine.to('running', 'Running');
    await until(() => session.status.state === 'ready', 15_000);
    await until(() => conn.ports.forwardedPorts().includes(port), 15_000);
    expect(await get(port)).toBe('up\n');
    expect((await dockerPs()).code).toBe(0);
  });

  it('a crash (QEMU gone): says it stopped unexpectedly, with Start as the way out', async () => {
    machine.to('error', 'The VM stopped unexpectedly', {
      problem: { code: 'VM_EXITED', message: 'The VM stopped unexpectedly (its QEMU process ended).', hint: '' },
    });
    const state = await until(() => session.status.state === 'unreachable' && session.status, 1000);
    expect(state.error).toMatchObject({ code: 'VM_ENGINE_DIED', detail: expect.stringContaining('VM_EXITED') });
    expect(state.error?.hint).toMatch(/wharf vm start/);
    expect((await dial(port)).result).toBe('ECONNREFUSED');
    expect((await dockerPs()).err).toContain('stopped unexpectedly');
  });
});
