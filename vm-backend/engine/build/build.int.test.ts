// Builds against the real dockerd (and over the test sshd): .dockerignore honoured, a failing RUN
// mapped to its Dockerfile line, cancel stopping the engine's build with no tag left, a context
// with a big ignored node_modules, and bad input refused with codes.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../api/contract';
import { buildInput } from '../../api/contract.build';
import type { Connection } from '../../connection/connection';
import { localConnectionFromEnv } from '../../connection/local';
import { sshConnection } from '../../connection/ssh/ssh-connection';
import { testSshd } from '../../connection/ssh/test-sshd';
import { readRegistryState } from '../../../scripts/setup/registry-state';
import { until } from '../../testing/until';
import { PushManager } from '../push/push-manager';
import { EngineSession } from '../session';
import { docker, recordingClient, uniqueName } from '../test-client';
import { BuildManager } from './build-manager';
import { BuildStore } from './build-store';

const BASE = 'wharf-fixture/busybox:1';
const tags: string[] = [];
const folders: string[] = [];
const sessions: EngineSession[] = [];
const conns: Connection[] = [];
let store: BuildStore;
const events: { event: EventName; payload: unknown }[] = [];

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-build-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const tag = (): string => {
  const t = `${uniqueName('wharf-test-build')}:1`;
  tags.push(t);
  return t;
};

async function managerOn(
  conn: Connection,
  registryConfig?: () => Promise<Record<string, { username: string; password: string }>>,
): Promise<BuildManager> {
  const session = new EngineSession(conn, { state: () => {}, containers: () => {}, images: () => {} });
  sessions.push(session);
  await session.start();
  return new BuildManager({
    client: () => session.client(),
    target: 'test',
    store,
    emit: (event, payload) => events.push({ event, payload }),
    ...(registryConfig ? { registryConfig } : {}),
  });
}
const input = (o: Record<string, unknown>) => buildInput.parse(o);
let local: BuildManager;

beforeAll(async () => {
  store = new BuildStore(mkdtempSync(join(tmpdir(), 'wharf-builds-')));
  folders.push(store.dir);
  local = await managerOn(localConnectionFromEnv());
});
afterAll(async () => {
  for (const t of tags) await docker('image', 'rm', '-f', t).catch(() => '');
  // The layers these builds left untagged (a failed or cancelled build's steps): only those that
  // are dangling now, never an image with a name (the FROM step prints the base image's id too).
  const made = new Set<string>();
  for (const r of store.list())
    for (const m of (await store.readLog(r.id, 0)).text.matchAll(/ ---> ([0-9a-f]{12})\b/g)) made.add(m[1]!);
  const dangling = (await docker('images', '-q', '--filter', 'dangling=true')).split('\n').filter((id) => made.has(id));
  for (const id of dangling) await docker('image', 'rm', id).catch(() => '');
  for (const s of sessions) await s.close().catch(() => {});
  for (const c of conns) await (c as { close?: () => Promise<void> }).close?.().catch(() => {});
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('build against the real engine', () => {
  it('sends the folder without what .dockerignore excludes; the Dockerfile goes but is not copied', async () => {
    const dir = folder({
      Dockerfile: `FROM ${BASE}\nCOPY . /ctx\n`,
      '.dockerignore': 'secret.txt\nnode_modules\nDockerfile\n',
      'keep.txt': 'keep',
      'secret.txt': 'secret',
      'node_modules/dep/index.js': 'x',
    });
    const t = tag();
    const started = await local.start(input({ folder: dir, tags: [t] }));
    const done = await local.wait(started.id);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(done.steps.map((s) => [s.n, s.line])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const ls = await docker('run', '--rm', '--label', 'wharf.test=1', t, 'ls', '-a', '/ctx');
    // The engine needs the Dockerfile (the build ran), and applies .dockerignore to COPY itself.
    expect(ls.split('\n').sort()).toEqual(['.', '..', '.dockerignore', 'keep.txt']);
    const log = await store.readLog(started.id, 0);
    expect(log.text).toContain('Step 2/2 : COPY . /ctx');
    expect(log.size).toBe(done.logBytes);
    const out = events.filter(
      (e) => e.event === 'build:output' && (e.payload as { build: string }).build === started.id,
    );
    expect(out.map((e) => (e.payload as { text: string }).text).join('')).toBe(log.text);
  });

  it('maps a failing RUN to its Dockerfile line, with the exit code and the engine words', async () => {
    const dir = folder({
      Dockerfile: `# a comment\nFROM ${BASE}\n\nRUN echo one \\\n  two\n# why\nRUN echo failing && exit 3\nCMD ["sh"]\n`,
    });
    const t = tag();
    const done = await local.wait((await local.start(input({ folder: dir, tags: [t] }))).id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'BUILD_STEP_FAILED', params: { code: 3, line: 7, step: '3/4' } });
    expect(done.error?.detail).toContain('returned a non-zero code: 3');
    expect(done.errorLine).toBe(7);
    await expect(docker('image', 'inspect', t)).rejects.toThrow();
  });

  it('cancel stops the build at the engine within 2 s and leaves no tag', async () => {
    const marker = 31_000 + Math.floor(Math.random() * 900);
    const dir = folder({ Dockerfile: `FROM ${BASE}\nRUN sleep ${marker}\n` });
    const t = tag();
    const started = await local.start(input({ folder: dir, tags: [t], noCache: true }));
    const running = async () =>
      (await docker('ps', '--no-trunc', '--format', '{{.Command}}')).includes(`sleep ${marker}`);
    await until(running, 20_000);
    const at = Date.now();
    local.cancel(started.id);
    const done = await local.wait(started.id);
    expect(done.state).toBe('cancelled');
    await until(async () => !(await running()), 2_000);
    expect(Date.now() - at).toBeLessThan(2_000);
    await expect(docker('image', 'inspect', t)).rejects.toThrow();
  });

  it('a 300 MB context with a 200 MB node_modules ignored sends only the rest', async () => {
    const dir = folder({ Dockerfile: `FROM ${BASE}\nCOPY . /ctx\n`, '.dockerignore': 'node_modules\n' });
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'big.bin'), '');
    truncateSync(join(dir, 'node_modules', 'big.bin'), 200 * 1024 * 1024);
    writeFileSync(join(dir, 'data.bin'), '');
    truncateSync(join(dir, 'data.bin'), 100 * 1024 * 1024);
    const info = await local.inspect(dir, 'Dockerfile');
    expect(info.summary.files).toBe(3);
    expect(info.summary.bytes).toBeGreaterThan(100 * 1024 * 1024);
    expect(info.summary.bytes).toBeLessThan(101 * 1024 * 1024);
    const t = tag();
    const done = await local.wait((await local.start(input({ folder: dir, tags: [t] }))).id);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const ls = await docker('run', '--rm', '--label', 'wharf.test=1', t, 'sh', '-c', 'ls /ctx; wc -c < /ctx/data.bin');
    expect(ls.split('\n')).toEqual(['Dockerfile', 'data.bin', String(100 * 1024 * 1024)]);
  }, 120_000);

  it('refuses bad input with codes: no folder, no Dockerfile, a syntax error; reports links leaving the folder', async () => {
    await expect(local.start(input({ folder: '/nonexistent/wharf', tags: [] }))).rejects.toMatchObject({
      code: 'HOST_PATH_NOT_FOUND',
    });
    const empty = folder({ 'README.md': 'x' });
    await expect(local.start(input({ folder: empty, tags: [] }))).rejects.toMatchObject({
      code: 'BUILD_NO_DOCKERFILE',
    });
    const bad = folder({ Dockerfile: `FROM ${BASE}\nFORM oops\n` });
    const failed = await local.wait((await local.start(input({ folder: bad, tags: [] }))).id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'BUILD_DOCKERFILE_SYNTAX', params: { line: 2 } });
    symlinkSync('/etc/passwd', join(bad, 'outside'));
    const info = await local.inspect(bad, 'Dockerfile');
    expect(info.summary.problems).toEqual([{ path: 'outside', problem: 'link-outside' }]);
    expect(buildInput.safeParse({ folder: bad, tags: ['My App'] }).success).toBe(false);
    expect(buildInput.safeParse({ folder: bad, tags: ['Upper:1'] }).success).toBe(false);
    expect(buildInput.safeParse({ folder: bad, dockerfile: '../Dockerfile', tags: [] }).success).toBe(false);
  });

  it('asks before sending a context over 1 GB, and sends it once confirmed (large)', async () => {
    const dir = folder({ Dockerfile: `FROM ${BASE}\nCMD ["true"]\n` });
    writeFileSync(join(dir, 'big.bin'), '');
    truncateSync(join(dir, 'big.bin'), 1100 * 1024 * 1024); // sparse: nothing is written to disk
    const info = await local.inspect(dir, 'Dockerfile');
    expect(info.summary.large).toBe(true);
    await expect(local.start(input({ folder: dir, tags: [] }))).rejects.toMatchObject({
      code: 'BUILD_CONTEXT_LARGE',
      params: { gb: '1.1' },
    });
    // Confirmed, then cancelled during the upload: nothing is left at the engine.
    const started = await local.start(input({ folder: dir, tags: [tag()], large: true }));
    local.cancel(started.id);
    expect((await local.wait(started.id)).state).toBe('cancelled');
  }, 60_000);

  it('pulls a FROM image behind the auth registry with the saved login (--pull), and explains it without', async () => {
    const reg = readRegistryState();
    const login = { username: reg.WHARF_REGISTRY_USER, password: reg.WHARF_REGISTRY_PASSWORD };
    // A base image of our own in the auth registry, then gone from the engine.
    const session = new EngineSession(localConnectionFromEnv(), {
      state: () => {},
      containers: () => {},
      images: () => {},
    });
    sessions.push(session);
    await session.start();
    const base = tag().replace(/^/, `${reg.WHARF_REGISTRY_AUTH}/`);
    tags.push(base);
    const pusher = new PushManager(() => session.client(), {
      get: async () => ({ host: reg.WHARF_REGISTRY_AUTH, username: login.username, secret: login.password }),
    } as never);
    await pusher.tag(BASE, base);
    expect((await pusher.wait((await pusher.start(recordingClient(), base)).push)).state).toBe('done');
    await docker('image', 'rm', base);
    const dir = folder({ Dockerfile: `FROM ${base}\nCMD ["true"]\n` });

    const without = await local.wait((await local.start(input({ folder: dir, tags: [], pull: true }))).id);
    expect(without.error?.code, without.error?.detail).toBe('BUILD_BASE_IMAGE');
    const withLogin = await managerOn(localConnectionFromEnv(), async () => ({ [reg.WHARF_REGISTRY_AUTH]: login }));
    const done = await withLogin.wait((await withLogin.start(input({ folder: dir, tags: [tag()], pull: true }))).id);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
  }, 60_000);

  it('builds over SSH: the context streams through the SSH link', async () => {
    const sshd = testSshd();
    const conn = sshConnection({
      target: sshd.target,
      identity: sshd.identity,
      dataDir: mkdtempSync(join(tmpdir(), 'wharf-bssh-')),
    });
    conns.push(conn);
    const remote = await managerOn(conn);
    const dir = folder({ Dockerfile: `FROM ${BASE}\nCOPY hello.txt /hello.txt\n`, 'hello.txt': 'over ssh' });
    const t = tag();
    const done = await remote.wait((await remote.start(input({ folder: dir, tags: [t] }))).id);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(await docker('run', '--rm', '--label', 'wharf.test=1', t, 'cat', '/hello.txt')).toBe('over ssh');
  }, 60_000);
});
