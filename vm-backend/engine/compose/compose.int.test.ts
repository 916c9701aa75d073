// Against the real dockerd and Debian's docker-compose 1.29: open a project (its `config` checked
// first), up, the web answers, merged logs show both services and a service started later, the
// bad inputs (syntax error, unknown service, port taken, missing image, folder removed) each
// coded, down with volumes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeProject, ComposeRunResult } from '../../api/contract.compose';
import { localConnectionFromEnv } from '../../connection/local';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { docker, recordingClient, uniqueName } from '../test-client';

let backend: Backend;
let root: string;
const projects: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function projectDir(name: string, yaml: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'compose.yaml'), yaml);
  return dir;
}

const twoServices = (port: number): string => `services:
  web:
    image: wharf-fixture/httpd:1
    ports: ["127.0.0.1:${port}:80"]
    labels: { wharf.test: "1" }
  cache:
    image: wharf-fixture/busybox:1
    command: ["sh", "-c", "i=0; while true; do i=$$((i+1)); echo cache-line-$$i; sleep 0.3; done"]
    labels: { wharf.test: "1" }
    volumes: ["cachedata:/data"]
  late:
    image: wharf-fixture/busybox:1
    command: ["sh", "-c", "echo late-started; sleep 600"]
    labels: { wharf.test: "1" }
volumes:
  cachedata:
    labels: { wharf.test: "1" }
`;

async function invoke<T>(name: string, input: unknown, client = recordingClient()): Promise<T> {
  const r = await backend.invoke(name as never, input as never, client);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}

async function failure(
  name: string,
  input: unknown,
): Promise<{ code: string; params?: Record<string, unknown>; detail: string }> {
  const r = await backend.invoke(name as never, input as never, recordingClient());
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error as never;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wharf-compose-'));
  process.env.WHARF_CONFIG_DIR = join(root, 'config');
  backend = createBackend({ connection: localConnectionFromEnv() });
  for (let i = 0; i < 100; i++) {
    const r = await backend.invoke('engine:status', {});
    if (r.ok && (r.value as { state: string }).state === 'ready') break;
    await new Promise((res) => setTimeout(res, 50));
  }
});

afterAll(async () => {
  await backend.close();
  for (const p of projects) {
    const ids = (await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${p}`))
      .split('\n')
      .filter(Boolean);
    if (ids.length) await docker('rm', '-f', ...ids).catch(() => '');
    await docker('network', 'rm', `${p}_default`).catch(() => '');
    await docker('volume', 'rm', `${p}_cachedata`).catch(() => '');
  }
  rmSync(root, { recursive: true, force: true });
});

describe('compose against the real engine and docker-compose 1.29', () => {
  it('finds the compose CLI and says which', async () => {
    const cli = await invoke<{ found: boolean; flavor: string; version: string }>('compose:cli', {});
    expect(cli).toMatchObject({ found: true, flavor: 'v1', version: '1.29.2' });
  });

  it('checks the file with config first and names the line of a syntax error', async () => {
    const dir = projectDir('broken', 'services:\n  web:\n    image: wharf-fixture/httpd:1\n    ports: ["8080:80"\n');
    const e = await failure('compose:open', { path: dir });
    expect(e.code).toBe('COMPOSE_FILE_INVALID');
    expect(e.params?.line).toBe(4);
    const missing = await failure('compose:open', { path: join(root, 'nowhere') });
    expect(missing.code).toBe('COMPOSE_FILE_MISSING');
  });

  it('opens, ups, answers, merges logs (a service started later too), stops a service, downs with volumes', async () => {
    const name = uniqueName('wharfcmp').toLowerCase();
    projects.push(name);
    const port = await freePort();
    const dir = projectDir(name, twoServices(port));
    const opened = await invoke<ComposeProject>('compose:open', { path: dir, name });
    expect(opened).toMatchObject({
      name,
      remembered: true,
      services: ['cache', 'late', 'web'],
      volumes: [`${name}_cachedata`],
    });

    const up = await invoke<ComposeRunResult>('compose:action', { project: name, action: 'up', service: 'web' });
    expect(up.command).toBe(`docker-compose -p ${name} -f ${join(dir, 'compose.yaml')} up -d web`);
    await invoke('compose:action', { project: name, action: 'up', service: 'cache' });
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.status).toBeLessThan(500);

    // The web container is silent: the cache's lines still come; `late` starts after the view opened.
    const c = recordingClient();
    const { stream } = await invoke<{ stream: string }>(
      'compose:logs-open',
      { project: name, services: [], tail: 10 },
      c,
    );
    await c.waitFor(() => /cache +\|\x1b\[39m cache-line-\d+/.test(c.text('logs:chunk', stream)));
    await invoke('compose:action', { project: name, action: 'up', service: 'late' });
    await c.waitFor(() => /late +\|\x1b\[39m late-started/.test(c.text('logs:chunk', stream)));
    // A filter on one service shows only its lines.
    const f = recordingClient();
    const only = await invoke<{ stream: string }>(
      'compose:logs-open',
      { project: name, services: ['late'], tail: 10 },
      f,
    );
    await f.waitFor(() => f.text('logs:chunk', only.stream).includes('late-started'));
    expect(f.text('logs:chunk', only.stream)).not.toContain('cache-line');

    // The list joins what was opened with what the labels say.
    const listed = (await invoke<ComposeProject[]>('compose:projects', {})).find((p) => p.name === name);
    expect(listed).toMatchObject({ remembered: true, workingDir: dir });

    await invoke('compose:action', { project: name, action: 'stop', service: 'cache' });
    const cacheState = await docker(
      'ps',
      '-a',
      '--filter',
      `label=com.docker.compose.project=${name}`,
      '--filter',
      'label=com.docker.compose.service=cache',
      '--format',
      '{{.State}}',
    );
    expect(cacheState).toBe('exited');
    // Started again: its new lines follow in the same stream.
    const before = (c.text('logs:chunk', stream).match(/cache-line/g) ?? []).length;
    await invoke('compose:action', { project: name, action: 'start', service: 'cache' });
    await c.waitFor(() => (c.text('logs:chunk', stream).match(/cache-line/g) ?? []).length > before + 1);
    c.close();
    f.close();

    const unknown = await failure('compose:action', { project: name, action: 'restart', service: 'nosuch' });
    expect(unknown.code).toBe('COMPOSE_UNKNOWN_SERVICE');

    // The same host port in a second project: taken.
    const clash = uniqueName('wharfclash').toLowerCase();
    projects.push(clash);
    const clashDir = projectDir(
      clash,
      `services:\n  web:\n    image: wharf-fixture/httpd:1\n    ports: ["127.0.0.1:${port}:80"]\n    labels: { wharf.test: "1" }\n`,
    );
    await invoke('compose:open', { path: clashDir, name: clash });
    const taken = await failure('compose:action', { project: clash, action: 'up' });
    expect(taken.code).toBe('COMPOSE_PORT_IN_USE');
    expect(taken.params?.port).toBe(String(port));

    await invoke('compose:action', { project: name, action: 'down', removeVolumes: true });
    expect(await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${name}`)).toBe('');
    expect(await docker('volume', 'ls', '-q', '--filter', `name=${name}_cachedata`)).toBe('');
  }, 120_000);

  it('names an image that does not exist, and a project folder removed while open', async () => {
    const name = uniqueName('wharfnoimg').toLowerCase();
    projects.push(name);
    const dir = projectDir(
      name,
      'services:\n  app:\n    image: wharf-fixture/no-such-image:1\n    labels: { wharf.test: "1" }\n',
    );
    await invoke('compose:open', { path: dir, name });
    const e = await failure('compose:action', { project: name, action: 'up' });
    expect(e.code).toBe('COMPOSE_IMAGE_NOT_FOUND');
    expect(e.params?.image).toBe('wharf-fixture/no-such-image:1');

    rmSync(dir, { recursive: true, force: true });
    const listed = (await invoke<ComposeProject[]>('compose:projects', {})).find((p) => p.name === name);
    expect(listed?.problem?.code).toBe('COMPOSE_FILE_MISSING');
    expect((await failure('compose:action', { project: name, action: 'up' })).code).toBe('COMPOSE_FILE_MISSING');
    await invoke('compose:forget', { project: name });
    expect((await invoke<ComposeProject[]>('compose:projects', {})).some((p) => p.name === name)).toBe(false);
  }, 120_000);
});
