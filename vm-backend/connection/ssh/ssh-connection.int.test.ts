import Docker from 'dockerode';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WharfError } from '../../api/errors';
import { ping } from '../../engine/ping';
import { sshConnection, type SshConnection } from './ssh-connection';
import { sshdChildren, sshdSocketsFor, testSshd, type TestSshd } from './test-sshd';

let sshd: TestSshd;
let dataDir: string;
let conn: SshConnection;

beforeAll(() => {
  sshd = testSshd();
  dataDir = mkdtempSync(join(tmpdir(), 'wharf-ssh-'));
  conn = sshConnection({ target: sshd.target, identity: sshd.identity, dataDir, keepaliveIntervalMs: 1000 });
});
afterAll(() => conn?.close());

describe('SSH connection against the test sshd and the real dockerd', () => {
  it('pings and lists over channels on one SSH connection, pinning the host key on first use', async () => {
    const pong = await ping(conn);
    expect(pong.apiVersion).toMatch(/^\d+\.\d+$/);
    expect(conn.link.pinnedNow).toBe(true);
    const pub = readFileSync(sshd.hostKeyPub, 'utf8').split(' ')[1] ?? '';
    expect(readFileSync(join(dataDir, 'ssh/known_hosts'), 'utf8')).toContain(pub);
    expect(statSync(join(dataDir, 'ssh/known_hosts')).mode & 0o777).toBe(0o600);
    const docker = new Docker(conn.dockerOptions());
    const before = sshdChildren(sshd.pidFile).length;
    for (let i = 0; i < 20; i++) await docker.listContainers({ all: true });
    // Twenty requests, no new SSH connection: the same sshd children serve them.
    expect(sshdChildren(sshd.pidFile).length).toBe(before);
  });

  it('reuses an idle channel for the next request (keep-alive), at most 4 kept idle', async () => {
    const agent = conn.agent as NonNullable<SshConnection['agent']>;
    const docker = new Docker(conn.dockerOptions());
    await docker.listContainers();
    const opened = conn.link.openChannels;
    for (let i = 0; i < 20; i++) await docker.listContainers({ all: true });
    expect(conn.link.openChannels).toBe(opened);
    expect(agent.idle()).toBe(opened);
    for (let i = 0; i < 5; i++) await Promise.all(Array.from({ length: 8 }, () => docker.ping()));
    await new Promise((r) => setTimeout(r, 100));
    expect(agent.busy()).toBe(0);
    expect(agent.idle()).toBeLessThanOrEqual(4);
    expect(conn.link.openChannels).toBe(agent.idle());
  });

  it('leaves no channel open after 1,000 requests: counted here, in the agent and in the sshd serving it', async () => {
    const agent = conn.agent as NonNullable<SshConnection['agent']>;
    const docker = new Docker(conn.dockerOptions());
    await docker.ping();
    const fds = (): number => readdirSync('/proc/self/fd').length;
    const localPort = conn.link.localPort() as number;
    const fdsBefore = fds();
    const hostBefore = sshdSocketsFor(localPort) - conn.link.openChannels; // the TCP connection and sshd's own
    for (let i = 0; i < 250; i++) await Promise.all(Array.from({ length: 4 }, () => docker.ping()));
    await new Promise((r) => setTimeout(r, 300));
    // Keep-alive: the channels still open are exactly the idle ones the agent keeps (<= 4)...
    expect(agent.busy()).toBe(0);
    expect(agent.idle()).toBeLessThanOrEqual(4);
    expect(conn.link.openChannels).toBe(agent.idle());
    await expect.poll(() => sshdSocketsFor(localPort)).toBe(hostBefore + agent.idle());
    // ...and they close once idle (here: the agent drops them), on both sides.
    agent.destroy();
    await expect.poll(() => conn.link.openChannels).toBe(0);
    await expect.poll(() => sshdSocketsFor(localPort)).toBe(hostBefore);
    expect(fds()).toBeLessThanOrEqual(fdsBefore + 2);
    expect(conn.link.localPort()).toBe(localPort); // still the one SSH connection
  });

  it('refuses a changed host key, with both fingerprints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-ssh-'));
    const name = `[${sshd.target.host}]:${sshd.target.port}`;
    // A pinned key that is not the host's: what a man in the middle (or a reinstall) looks like.
    writeFileSync(join(dir, 'known_hosts'), '', { flag: 'a' });
    const other = readFileSync(sshd.identity + '.pub', 'utf8').split(' ')[1];
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'ssh'), { recursive: true });
    writeFileSync(join(dir, 'ssh/known_hosts'), `${name} ssh-ed25519 ${other}\n`);
    const c = sshConnection({ target: sshd.target, identity: sshd.identity, dataDir: dir });
    const err = await ping(c).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WharfError);
    expect((err as WharfError).code).toBe('SSH_HOST_KEY_CHANGED');
    expect(readFileSync(join(dir, 'ssh/known_hosts'), 'utf8')).toBe(`${name} ssh-ed25519 ${other}\n`);
    await c.close();
  });

  it('says when the key is refused (Wharf generates its own, 0600, which the host does not know)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-ssh-'));
    const c = sshConnection({ target: sshd.target, dataDir: dir });
    expect(statSync(c.key.path).mode & 0o777).toBe(0o600);
    expect(c.key.publicKey).toMatch(/^ssh-ed25519 /);
    const err = await ping(c).catch((e: unknown) => e);
    expect((err as WharfError).code).toBe('SSH_AUTH_FAILED');
    await c.close();
    // The right key for the wrong user: the same clear answer, naming the user.
    const wrongUser = sshConnection({ target: { ...sshd.target, user: 'nobody' }, identity: sshd.identity, dataDir: dir });
    const e2 = (await ping(wrongUser).catch((e: unknown) => e)) as WharfError;
    expect(e2.code).toBe('SSH_AUTH_FAILED');
    expect(e2.message).toContain('nobody@');
    await wrongUser.close();
  });

  it('says when the host is unreachable, and when it has no Docker socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-ssh-'));
    const off = sshConnection({ target: { ...sshd.target, port: 1 }, identity: sshd.identity, dataDir: dir });
    expect(((await ping(off).catch((e: unknown) => e)) as WharfError).code).toBe('SSH_UNREACHABLE');
    await off.close();
    const none = sshConnection({ target: sshd.target, identity: sshd.identity, dataDir: dir, remoteSocket: '/nonexistent/docker.sock' });
    expect(((await ping(none).catch((e: unknown) => e)) as WharfError).code).toBe('SSH_NO_DOCKER');
    await none.close();
  });

  it('reconnects after the sshd child serving it is killed', async () => {
    await ping(conn);
    const states: string[] = [];
    conn.link.on('state', (s: string) => states.push(s));
    const t0 = Date.now();
    for (const pid of sshdChildren(sshd.pidFile)) process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
    await ping(conn);
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('ready');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
