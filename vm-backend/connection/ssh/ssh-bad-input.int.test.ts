// Every way an SSH engine can be wrong, against the real test sshd (scripts/setup/start-sshd.sh
// creates the users) and the real dockerd: each a coded WharfError with a message and a hint.
import { execFile } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WharfError } from '../../api/errors';
import { ping } from '../../engine/ping';
import { startHostSocket } from './host-socket';
import { sshConnection, type SshConnectionOptions } from './ssh-connection';
import { testSshd, type TestSshd } from './test-sshd';

const run = promisify(execFile);
let sshd: TestSshd;
const servers: Server[] = [];

beforeAll(() => {
  sshd = testSshd();
});
afterAll(() => {
  for (const s of servers) s.close();
});

const dataDir = (): string => mkdtempSync(join(tmpdir(), 'wharf-bad-'));

/** Connects with `o` and pings: the error it fails with (or null). */
async function failure(o: Partial<SshConnectionOptions>): Promise<WharfError> {
  const c = sshConnection({ target: sshd.target, identity: sshd.identity, dataDir: dataDir(), ...o });
  try {
    const err = await ping(c).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WharfError);
    const w = err as WharfError;
    // Beginner-readable: a sentence and what to do, and SSH's or the host's own words apart.
    expect(w.message.length).toBeGreaterThan(15);
    expect(w.hint.length).toBeGreaterThan(15);
    expect(w.detail.length).toBeGreaterThan(0);
    return w;
  } finally {
    await c.close();
  }
}

function user(name: string | undefined): string {
  if (!name) throw new Error('the test sshd has no bad-input users: run scripts/setup/start-sshd.sh as root');
  return name;
}

describe('bad SSH input, each a clear error', () => {
  it('a user not in the docker group: SSH_DOCKER_PERMISSION, naming the user and the fix', async () => {
    const u = user(sshd.noDockerUser);
    const e = await failure({ target: { ...sshd.target, user: u } });
    expect(e.code).toBe('SSH_DOCKER_PERMISSION');
    expect(e.message).toContain(u);
    expect(e.hint).toContain(`usermod -aG docker ${u}`);
  });

  it('a host without docker (no socket at the path): SSH_NO_DOCKER, naming the path', async () => {
    const e = await failure({ remoteSocket: '/nonexistent/docker.sock' });
    expect(e.code).toBe('SSH_NO_DOCKER');
    expect(e.message).toContain('/nonexistent/docker.sock');
  });

  it('docker installed but not running (a socket file nobody serves): SSH_DOCKER_NOT_RUNNING', async () => {
    // What a crashed dockerd leaves: the socket file, nobody listening. (Closing a server removes
    // its file; a second link to it stays.)
    const dir = dataDir();
    const path = join(dir, 'docker.sock');
    const live = createServer().listen(join(dir, 'live.sock'));
    await new Promise((r) => live.once('listening', r));
    linkSync(join(dir, 'live.sock'), path);
    await new Promise((r) => live.close(r));
    expect(statSync(path).isSocket()).toBe(true);
    const e = await failure({ remoteSocket: path });
    expect(e.code).toBe('SSH_DOCKER_NOT_RUNNING');
  });

  it('a banner-spewing shell: channels are immune, the host check and the docker CLI too', async () => {
    const u = user(sshd.bannerUser);
    const target = { ...sshd.target, user: u };
    const c = sshConnection({ target, identity: sshd.identity, dataDir: dataDir() });
    try {
      expect((await ping(c)).apiVersion).toMatch(/^\d+\.\d+$/);
      // What its shell prints on every command, our own answer's look-alike included.
      expect(await c.link.exec('echo real-output')).toMatch(/Welcome to .*WHARF_PROBE=banner[\s\S]*real-output/);
      const dir = dataDir();
      const sock = await startHostSocket(c.link, target, dir, { context: false });
      try {
        const r = await run('docker', ['-H', `unix://${sock.path}`, 'version', '--format', '{{.Server.APIVersion}}']);
        expect(r.stdout.trim()).toMatch(/^\d+\.\d+$/);
      } finally {
        await sock.close();
      }
    } finally {
      await c.close();
    }
    // The host check that explains a failed socket reads past the banner.
    const e = await failure({ target, remoteSocket: '/nonexistent/docker.sock' });
    expect(e.code).toBe('SSH_NO_DOCKER');
  });

  it('a wrong user (not allowed, or no such account): SSH_AUTH_FAILED naming the user', async () => {
    for (const u of ['nobody', 'no-such-user-wharf']) {
      const e = await failure({ target: { ...sshd.target, user: u } });
      expect(e.code).toBe('SSH_AUTH_FAILED');
      expect(e.message).toContain(`${u}@`);
    }
  });

  it('a wrong key (Wharf generates its own, 0600, which the host does not know): SSH_AUTH_FAILED', async () => {
    const e = await failure({ identity: undefined });
    expect(e.code).toBe('SSH_AUTH_FAILED');
    expect(e.hint).toContain('authorized_keys');
  });

  it('an unreachable host: nothing listening, no such name, an address that does not answer', async () => {
    expect((await failure({ target: { ...sshd.target, port: 1 } })).code).toBe('SSH_UNREACHABLE');
    expect((await failure({ target: { ...sshd.target, host: 'no-such-host.invalid' } })).code).toBe(
      'SSH_HOST_NOT_FOUND',
    );
    // TEST-NET-1 (RFC 5737): routed nowhere; the handshake times out or the route is refused.
    expect((await failure({ target: { ...sshd.target, host: '192.0.2.1' }, readyTimeoutMs: 1500 })).code).toBe(
      'SSH_UNREACHABLE',
    );
  });

  it('a port that is not SSH: SSH_PROTOCOL', async () => {
    const http = createServer((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    servers.push(http);
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    const e = await failure({ target: { ...sshd.target, port: (http.address() as { port: number }).port } });
    expect(e.code).toBe('SSH_PROTOCOL');
  });

  it('a changed host key: SSH_HOST_KEY_CHANGED with both fingerprints, and known_hosts untouched', async () => {
    const dir = dataDir();
    const name = `[${sshd.target.host}]:${sshd.target.port}`;
    // A pinned key that is not the host's: what a man in the middle (or a reinstall) looks like.
    const other = readFileSync(`${sshd.identity}.pub`, 'utf8').split(' ')[1];
    mkdirSync(join(dir, 'ssh'), { recursive: true });
    writeFileSync(join(dir, 'ssh/known_hosts'), `${name} ssh-ed25519 ${other}\n`);
    const c = sshConnection({ target: sshd.target, identity: sshd.identity, dataDir: dir });
    const e = (await ping(c).catch((x: unknown) => x)) as WharfError;
    await c.close();
    expect(e).toBeInstanceOf(WharfError);
    expect(e.code).toBe('SSH_HOST_KEY_CHANGED');
    expect(e.params?.fingerprint).toMatch(/^SHA256:/);
    expect(e.params?.expected).toMatch(/^SHA256:/);
    expect(e.params?.fingerprint).not.toBe(e.params?.expected);
    expect(readFileSync(join(dir, 'ssh/known_hosts'), 'utf8')).toBe(`${name} ssh-ed25519 ${other}\n`);
  });
});
