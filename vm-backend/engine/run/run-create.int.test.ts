// Against the real dockerd: run = create + start, errors on the right field, nothing left behind.
// Needs the fixture images (scripts/setup/build-fixtures.sh). Containers inherit wharf.test=1 from them.
import { until } from '../../testing/until';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostPortsInfo, RunResult } from '../../api/contract.run';
import { emptyForm, portRow, type RunForm } from '../../api/rules/run-form';
import type { EngineStatus, WharfErrorShape } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { localConnectionFromEnv } from '../../connection/local';

const HTTPD = 'wharf-fixture/httpd:1';
const tag = `wrun-${process.pid}-${Date.now().toString(36)}`;
let backend: Backend;
const docker = (...a: string[]): string => execFileSync('docker', a, { encoding: 'utf8' }).trim();
const namesLike = (): string[] =>
  docker('ps', '-a', '--filter', `name=${tag}`, '--format', '{{.Names}}').split('\n').filter(Boolean);

async function call<T>(name: string, input: unknown): Promise<Envelope<T>> {
  return (await backend.invoke(name, input)) as Envelope<T>;
}
async function ok<T>(name: string, input: unknown): Promise<T> {
  const e = await call<T>(name, input);
  if (!e.ok) throw new Error(`${name}: ${JSON.stringify(e.error)}`);
  return e.value;
}
async function fails(name: string, input: unknown): Promise<WharfErrorShape> {
  const e = await call(name, input);
  if (e.ok) throw new Error(`${name} should have failed`);
  return e.error;
}
/** A host port nobody holds, far from the e2e range (5000-5010). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}
const form = (over: Partial<RunForm>): RunForm => ({ ...emptyForm(HTTPD), ...over });

beforeAll(async () => {
  backend = createBackend({ connection: localConnectionFromEnv() });
  await until(async () => ((await ok<EngineStatus>('engine:status', {})).state === 'ready' ? true : undefined));
});
afterAll(async () => {
  const left = namesLike();
  if (left.length) docker('rm', '-f', ...left);
  await backend.close();
});

describe('run:create against the engine', () => {
  let port = 0;
  it('runs the httpd fixture with a port the host can reach', async () => {
    port = await freePort();
    const r = await ok<RunResult>('run:create', {
      form: form({ name: `${tag}-web`, ports: [portRow('80', String(port))] }),
      keepOnFailure: false,
    });
    expect(r.name).toBe(`${tag}-web`);
    const body = await until(async () =>
      fetch(`http://127.0.0.1:${port}/`)
        .then((x) => x.text())
        .catch(() => undefined),
    );
    expect(body).toContain('wharf fixture');
    expect(docker('inspect', '-f', '{{json .HostConfig.PortBindings}}', r.id)).toBe(
      `{"80/tcp":[{"HostIp":"127.0.0.1","HostPort":"${port}"}]}`,
    );
  });

  it('refuses a taken name and a port held by a container before creating anything, naming the field', async () => {
    // The list follows engine events: wait until the row shows the published port.
    await until(async () =>
      (await ok<{ rows: { name: string; ports: { hostPort?: number }[] }[] }>('containers:list', {})).rows.some(
        (c) => c.name === `${tag}-web` && c.ports.some((x) => x.hostPort === port),
      )
        ? true
        : undefined,
    );
    const name = await fails('run:create', { form: form({ name: `${tag}-web` }), keepOnFailure: false });
    expect([name.code, name.params?.field]).toEqual(['NAME_CONFLICT', 'name']);
    const p = await fails('run:create', {
      form: form({ name: `${tag}-b`, ports: [portRow('80', String(port))] }),
      keepOnFailure: false,
    });
    expect([p.code, p.params?.field, p.params?.container]).toEqual([
      'PORT_USED_BY_CONTAINER',
      'ports.0.hostPort',
      `${tag}-web`,
    ]);
    expect(namesLike()).toEqual([`${tag}-web`]);
  });

  it('"Run another" gives the next name and the next free host port', async () => {
    const f = await ok<RunForm>('run:from-container', { id: `${tag}-web` });
    expect(f.name).toBe(`${tag}-web-2`);
    expect(f.image).toBe(HTTPD);
    expect(f.command).toBe('');
    expect(f.ports).toEqual([portRow('80', String(port + 1))]);
  });

  it('sees a process listening on the engine host, and the engine refusal lands on the port field with nothing left behind', async () => {
    const p = await freePort();
    const server = net.createServer().listen(p, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const hp = await ok<HostPortsInfo>('run:host-ports', { maxAgeMs: 0 });
      expect(hp.source).toBe('engine-host');
      // The local socket's host is this computer: read here, whatever images the engine has.
      expect([hp.via, hp.probeImage]).toEqual(['this-computer', undefined]);
      expect(hp.listeners).toContainEqual({ ip: '127.0.0.1', port: p, protocol: 'tcp' });
      const e = await fails('run:create', {
        form: form({ name: `${tag}-busy`, ports: [portRow('80', String(p))] }),
        keepOnFailure: false,
      });
      expect([e.code, e.params?.field, String(e.params?.port)]).toEqual(['PORT_IN_USE', 'ports.0.hostPort', String(p)]);
      expect(namesLike()).not.toContain(`${tag}-busy`);
      // Kept on request: the user can look at it.
      const k = await fails('run:create', {
        form: form({ name: `${tag}-kept`, ports: [portRow('80', String(p))] }),
        keepOnFailure: true,
      });
      expect(k.params?.kept).toBeTruthy();
      expect(namesLike()).toContain(`${tag}-kept`);
    } finally {
      server.close();
    }
    // The probe container is gone and never showed up as a row.
    expect(docker('ps', '-aq', '--filter', 'label=wharf.probe')).toBe('');
  });

  it('says plainly when the image is missing, and validates the form again', async () => {
    const e = await fails('run:create', {
      form: form({ image: 'wharf-fixture/nope:9', name: `${tag}-x` }),
      keepOnFailure: false,
    });
    expect([e.code, e.params?.field]).toEqual(['IMAGE_NOT_FOUND', 'image']);
    expect(e.hint).toContain('docker pull wharf-fixture/nope:9');
    const v = await fails('run:create', {
      form: form({ name: '-bad', ports: [portRow('80', '70000')] }),
      keepOnFailure: false,
    });
    expect([v.code, v.params?.field]).toEqual(['RUN_INVALID', 'name']);
    expect(v.detail).toContain('ports.0.hostPort');
    expect(namesLike().filter((n) => n.endsWith('-x'))).toEqual([]);
  });

  it('names a missing host folder on its field, and leaves nothing behind', async () => {
    const e = await fails('run:create', {
      form: form({
        name: `${tag}-bind`,
        volumes: [{ kind: 'bind', source: `/nonexistent/${tag}`, target: '/www', readOnly: true }],
      }),
      keepOnFailure: false,
    });
    expect([e.code, e.params?.field, e.params?.path]).toEqual([
      'BIND_SOURCE_MISSING',
      'volumes.0.source',
      `/nonexistent/${tag}`,
    ]);
    expect(namesLike()).not.toContain(`${tag}-bind`);
  });

  it('passes -it, env, command, restart and a read-only volume to the engine', async () => {
    const r = await ok<RunResult>('run:create', {
      form: {
        ...form({ image: 'wharf-fixture/busybox:1', name: `${tag}-it` }),
        interactive: true,
        restart: 'unless-stopped',
        command: 'sh -c "sleep 30"',
        env: [{ key: 'A', value: 'b c' }],
        volumes: [{ kind: 'volume', source: `${tag}-vol`, target: '/data', readOnly: true }],
      },
      keepOnFailure: false,
    });
    const info = JSON.parse(docker('inspect', r.id))[0];
    expect([info.Config.Tty, info.Config.OpenStdin, info.State.Running]).toEqual([true, true, true]);
    expect(info.Config.Env).toContain('A=b c');
    expect(info.Config.Cmd).toEqual(['sh', '-c', 'sleep 30']);
    expect(info.HostConfig.RestartPolicy.Name).toBe('unless-stopped');
    expect(info.Mounts[0]).toMatchObject({ Type: 'volume', Name: `${tag}-vol`, Destination: '/data', RW: false });
    docker('rm', '-f', r.id);
    docker('volume', 'rm', `${tag}-vol`);
  });
});
