import Docker from 'dockerode';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
