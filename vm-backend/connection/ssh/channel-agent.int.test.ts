// The keep-alive channel agent against the test sshd and the real dockerd: which channels it
// keeps for the next request, and which it never does.
import Docker from 'dockerode';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelAgent } from './channel-agent';
import { sshConnection, type SshConnection } from './ssh-connection';
import { testSshd } from './test-sshd';

const IMAGE = 'wharf-fixture/busybox:1';
let conn: SshConnection;
let agent: ChannelAgent;
let docker: Docker;

beforeAll(async () => {
  const sshd = testSshd();
  conn = sshConnection({
    target: sshd.target,
    identity: sshd.identity,
    dataDir: mkdtempSync(join(tmpdir(), 'wharf-agent-')),
  });
  agent = conn.agent as ChannelAgent;
  docker = new Docker({ ...conn.dockerOptions(), version: 'v1.41' });
  await docker.ping();
});
afterAll(() => conn?.close());

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 100));

describe('the keep-alive channel agent', () => {
  it('keeps a streaming response (the event stream) on its own channel, and closes it when the stream is dropped', async () => {
    await docker.listContainers();
    const idle = agent.idle();
    const events = (await docker.getEvents({ filters: { type: ['container'] } })) as unknown as Readable;
    expect(agent.busy()).toBe(1);
    for (let i = 0; i < 10; i++) await docker.listContainers();
    // The lists never waited for (or got) the events channel.
    expect(agent.busy()).toBe(1);
    expect(conn.link.openChannels).toBe(idle + 1);
    events.destroy();
    await settle();
    expect(agent.busy()).toBe(0);
    expect(conn.link.openChannels).toBe(agent.idle());
  });

  it('hands a hijacked exec its channel for good, which closes when the process ends', async () => {
    const c = await docker.createContainer({ Image: IMAGE, Cmd: ['sleep', '60'], Labels: { 'wharf.test': '1' } });
    try {
      await c.start();
      await docker.listContainers();
      const before = conn.link.openChannels;
      const exec = await c.exec({ Cmd: ['sh', '-c', 'read x; echo got-$x'], AttachStdin: true, AttachStdout: true });
      const stream = (await exec.start({ hijack: true, stdin: true })) as unknown as NodeJS.ReadWriteStream & Readable;
      let out = '';
      stream.on('data', (b: Buffer) => (out += b.toString('latin1')));
      // The agent no longer counts it: nothing can reuse it, busy or idle.
      expect(agent.busy()).toBe(0);
      stream.write('hello\n');
      await new Promise((r) => stream.once('close', r));
      expect(out).toContain('got-hello');
      await settle();
      expect(conn.link.openChannels).toBe(agent.idle());
      expect(conn.link.openChannels).toBeLessThanOrEqual(before);
    } finally {
      await c.remove({ force: true });
    }
  });

  it('drops idle channels when the link drops, and opens a new one on the new link', async () => {
    await docker.listContainers();
    expect(agent.idle()).toBeGreaterThan(0);
    const port = conn.link.localPort();
    conn.link.dropForTest();
    await settle();
    expect(agent.idle()).toBe(0);
    expect(conn.link.openChannels).toBe(0);
    expect(Array.isArray(await docker.listContainers())).toBe(true);
    expect(conn.link.localPort()).not.toBe(port);
    expect(agent.idle()).toBe(1);
  });

  it('closes a channel left idle for idleMs', async () => {
    const short = new ChannelAgent(() => conn.link.openDockerSocket(), { idleMs: 150 });
    const d = new Docker({ ...conn.dockerOptions(), agent: short } as Docker.DockerOptions);
    const base = conn.link.openChannels;
    await d.ping();
    expect(short.idle()).toBe(1);
    expect(conn.link.openChannels).toBe(base + 1);
    await expect.poll(() => short.idle(), { timeout: 2000 }).toBe(0);
    await expect.poll(() => conn.link.openChannels, { timeout: 2000 }).toBe(base);
  });
});
