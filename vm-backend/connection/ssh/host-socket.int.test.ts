// The real docker CLI through Wharf's host socket: every connection a channel on the one SSH link.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostSocket, startHostSocket } from './host-socket';
import { sshConnection, type SshConnection } from './ssh-connection';
import { testSshd } from './test-sshd';

const IMAGE = 'wharf-fixture/busybox:1';
let conn: SshConnection;
let sock: HostSocket;
let env: NodeJS.ProcessEnv;
const made: string[] = [];

/** docker with its own config dir (the test's contexts never touch the user's ~/.docker). */
function docker(args: string[], input?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((ok) => {
    const p = spawn('docker', args, { env });
    let out = '';
    let err = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    p.on('close', (code) => ok({ code, out, err }));
    if (input !== undefined) p.stdin.end(input);
    else p.stdin.end();
  });
}

beforeAll(async () => {
  const sshd = testSshd();
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-sock-'));
  env = { ...process.env, DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'wharf-dcfg-')) };
  delete env.DOCKER_HOST;
  conn = sshConnection({ target: sshd.target, identity: sshd.identity, dataDir });
  const prev = process.env.DOCKER_CONFIG;
  process.env.DOCKER_CONFIG = env.DOCKER_CONFIG;
  try {
    sock = await startHostSocket(conn.link, sshd.target, dataDir);
  } finally {
    if (prev === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = prev;
  }
});
afterAll(async () => {
  for (const n of made) await docker(['--context', sock.context ?? '', 'rm', '-f', n]);
  await sock?.close();
  await conn?.close();
});

describe('the host Docker socket over SSH', () => {
  it('is a 0600 socket with a docker context registered for it', async () => {
    expect(statSync(sock.path).mode & 0o777).toBe(0o600);
    expect(sock.context).toMatch(/^wharf-/);
    const ls = await docker(['context', 'inspect', sock.context ?? '', '--format', '{{.Endpoints.docker.Host}}']);
    expect(ls.out.trim()).toBe(`unix://${sock.path}`);
    expect(sock.endpoint).toBe(`unix://${sock.path}`);
  });

  it('runs `docker run -it` on a real terminal (a pty from script): typed input, output, exit code', async () => {
    // `script` gives docker a pty as its stdin/stdout, so -t is honoured (no "not a TTY"): input
    // typed into the terminal reaches the container's shell, its echo and output come back.
    const cmd = `docker --context ${sock.context ?? ''} run --rm -it --label wharf.test=1 ${IMAGE} sh`;
    const p = spawn('script', ['-qefc', cmd, '/dev/null'], { env: { ...env, TERM: 'xterm' } });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const code = new Promise<number | null>((ok) => p.on('close', ok));
    try {
      await expect.poll(() => out, { timeout: 20_000 }).toMatch(/# /); // the interactive shell's prompt
      p.stdin.write('tty; echo typed-$((6*7))\r');
      await expect.poll(() => out, { timeout: 10_000 }).toContain('typed-42');
      expect(out).toMatch(/\/dev\/pts\/\d+/); // a terminal inside the container too
      p.stdin.write('exit 5\r');
      expect(await code).toBe(5);
    } finally {
      p.kill();
    }
  });

  it('runs `docker run -i` with stdin and the exit code, `exec`, `cp`, `logs -f` and `build`', async () => {
    const ctx = ['--context', sock.context ?? ''];
    const r = await docker(
      [...ctx, 'run', '--rm', '-i', '--label', 'wharf.test=1', IMAGE, 'sh', '-c', 'cat; exit 3'],
      'typed into stdin\n',
    );
    expect(r).toMatchObject({ code: 3, out: 'typed into stdin\n' });

    const name = `wharf-sock-${process.pid}-${Date.now().toString(36)}`;
    made.push(name);
    expect(
      (
        await docker([
          ...ctx,
          'run',
          '-d',
          '--name',
          name,
          '--label',
          'wharf.test=1',
          IMAGE,
          'sh',
          '-c',
          'echo first; sleep 1; echo second; sleep 600',
        ])
      ).code,
    ).toBe(0);
    expect((await docker([...ctx, 'exec', name, 'sh', '-c', 'echo from-exec > /tmp/f; cat /tmp/f'])).out).toBe(
      'from-exec\n',
    );

    const dir = mkdtempSync(join(tmpdir(), 'wharf-cp-'));
    expect((await docker([...ctx, 'cp', `${name}:/tmp/f`, join(dir, 'f')])).code).toBe(0);
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('from-exec\n');
    writeFileSync(join(dir, 'in'), 'copied-in\n');
    expect((await docker([...ctx, 'cp', join(dir, 'in'), `${name}:/tmp/in`])).code).toBe(0);
    expect((await docker([...ctx, 'exec', name, 'cat', '/tmp/in'])).out).toBe('copied-in\n');

    const follow = spawn('docker', [...ctx, 'logs', '-f', name], { env });
    let logs = '';
    follow.stdout.on('data', (b: Buffer) => (logs += b.toString()));
    await expect.poll(() => logs, { timeout: 10_000 }).toBe('first\nsecond\n');
    follow.kill();

    writeFileSync(join(dir, 'Dockerfile'), `FROM ${IMAGE}\nRUN echo built > /built\nLABEL wharf.test=1\n`);
    const tag = `wharf-test/sock-build:${process.pid}`;
    const b = await docker([...ctx, 'build', '-q', '-t', tag, dir]);
    expect(b.code, b.err).toBe(0);
    expect((await docker([...ctx, 'run', '--rm', tag, 'cat', '/built'])).out).toBe('built\n');
    await docker([...ctx, 'rmi', tag]);
  });

  it('names the context after the target and removes the contexts an earlier Wharf left on sockets that are gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-ctx-'));
    const desc = 'Wharf: root@127.0.0.1:2222 over SSH';
    await docker([
      'context',
      'create',
      '--description',
      desc,
      '--docker',
      `host=unix://${join(dir, 'sock', 'root-127.0.0.1-2222.sock')}`,
      'wharf-root-127.0.0.1-2222',
    ]);
    await docker([
      'context',
      'create',
      '--description',
      'mine',
      '--docker',
      `host=unix://${join(dir, 'sock', 'x.sock')}`,
      'wharf-mine',
    ]);
    const prev = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = env.DOCKER_CONFIG;
    const named = await startHostSocket(conn.link, conn.target, dir, { targetName: 'build' }).finally(() => {
      if (prev === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = prev;
    });
    try {
      expect(named.context).toBe('wharf-build');
      expect(named.path).toBe(join(dir, 'sock', 'build.sock'));
      const names = (await docker(['context', 'ls', '--format', '{{.Name}}'])).out.split('\n');
      expect(names).toContain('wharf-build');
      expect(names).toContain('wharf-mine');
      expect(names).toContain(sock.context);
      expect(names).not.toContain('wharf-root-127.0.0.1-2222');
      expect(
        (await docker(['--context', 'wharf-build', 'version', '--format', '{{.Server.Version}}'])).out.trim(),
      ).not.toBe('');
    } finally {
      await named.close();
    }
  });

  it('removes a stale socket file left by a crash, and refuses one that is served', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-stale-'));
    const first = await startHostSocket(conn.link, conn.target, dir, { context: false });
    await expect(startHostSocket(conn.link, conn.target, dir, { context: false })).rejects.toThrow(/another process/);
    // A crash leaves the file but nobody listening: simulate it with a server that goes away.
    await first.close();
    const stale = createServer().listen(first.path);
    await new Promise((r) => stale.once('listening', r));
    (stale as unknown as { _handle: { close(): void } })._handle.close();
    const again = await startHostSocket(conn.link, conn.target, dir, { context: false });
    expect(statSync(again.path).mode & 0o777).toBe(0o600);
    await again.close();
  });

  it('leaves no connection or channel behind once the CLI processes and their containers are gone', async () => {
    // A killed `docker logs -f` of a silent container holds its stream until the engine writes or
    // ends it (as with docker's own ssh dial-stdio): removing the container ends it.
    for (const n of made.splice(0)) await docker(['--context', sock.context ?? '', 'rm', '-f', n]);
    await new Promise((r) => setTimeout(r, 500));
    expect(sock.active()).toBe(0);
    expect(conn.link.openChannels).toBe(0);
  });
});
