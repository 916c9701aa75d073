// Against the real dockerd: a shell (sh fallback in busybox), echo, exit status, resize changing
// `stty size`, stopped and paused containers refused clearly, attach to an -it container.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { localConnectionFromEnv } from '../../connection/local';
import { docker, recordingClient, uniqueName } from '../test-client';

const IMAGE = 'wharf-fixture/busybox:1';
let backend: Backend;
const names: string[] = [];

async function start(...args: string[]): Promise<string> {
  const name = uniqueName('wharf-exec');
  names.push(name);
  await docker('run', '-d', '--name', name, '--label', 'wharf.test=1', ...args);
  return name;
}

beforeAll(async () => {
  backend = createBackend({ connection: localConnectionFromEnv() });
  for (let i = 0; i < 100; i++) {
    const r = await backend.invoke('engine:status', {});
    if (r.ok && (r.value as { state: string }).state === 'ready') return;
    await new Promise((res) => setTimeout(res, 50));
  }
});
afterAll(async () => {
  await backend.close();
  if (names.length) await docker('rm', '-f', ...names).catch(() => '');
});

describe('exec and attach against the real engine', () => {
  it('opens sh when there is no bash, runs echo, resizes, and reports exit 3', async () => {
    const name = await start(IMAGE, 'sleep', '1000');
    const c = recordingClient();
    const r = await backend.invoke('exec:start', { id: name, mode: 'exec', cols: 80, rows: 24 }, c);
    expect(r.ok).toBe(true);
    const v = (r as { value: { stream: string; cmd: string[]; tty: boolean } }).value;
    expect(v.cmd).toEqual(['sh']);
    const out = (): string => c.text('exec:output', v.stream);
    await backend.invoke('exec:input', { stream: v.stream, data: 'echo hel""lo\r' }, c);
    await c.waitFor(() => out().includes('hello'));
    await backend.invoke('exec:resize', { stream: v.stream, cols: 101, rows: 33 }, c);
    await new Promise((res) => setTimeout(res, 200));
    await backend.invoke('exec:input', { stream: v.stream, data: 'stty size\r' }, c);
    await c.waitFor(() => out().includes('33 101'));
    await backend.invoke('exec:input', { stream: v.stream, data: 'exit 3\r' }, c);
    await c.waitFor(() => c.events.some((e) => e.event === 'exec:exit'));
    expect(c.events.find((e) => e.event === 'exec:exit')?.payload).toMatchObject({ stream: v.stream, exitCode: 3 });
  });

  it('runs the command and user asked for', async () => {
    const name = await start(IMAGE, 'sleep', '1000');
    const c = recordingClient();
    const r = await backend.invoke(
      'exec:start',
      { id: name, mode: 'exec', cmd: ['id', '-u'], user: 'nobody', cols: 80, rows: 24 },
      c,
    );
    const { stream } = (r as { value: { stream: string } }).value;
    await c.waitFor(() => c.events.some((e) => e.event === 'exec:exit'));
    expect(c.text('exec:output', stream)).toContain('65534');
  });

  it('refuses a stopped and a paused container with a clear error', async () => {
    const stopped = await start(IMAGE, 'true');
    await docker('wait', stopped);
    const a = await backend.invoke('exec:start', { id: stopped, mode: 'exec', cols: 80, rows: 24 }, recordingClient());
    expect(a).toMatchObject({ ok: false, error: { code: 'CONTAINER_NOT_RUNNING' } });
    const pausedName = await start(IMAGE, 'sleep', '1000');
    await docker('pause', pausedName);
    const b = await backend.invoke(
      'exec:start',
      { id: pausedName, mode: 'exec', cols: 80, rows: 24 },
      recordingClient(),
    );
    expect(b).toMatchObject({ ok: false, error: { code: 'CONTAINER_PAUSED' } });
    await docker('unpause', pausedName);
  });

  it('attaches to a container started with -it', async () => {
    const name = await start('-it', IMAGE, 'sh');
    const c = recordingClient();
    const r = await backend.invoke('exec:start', { id: name, mode: 'attach', cols: 80, rows: 24 }, c);
    expect(r.ok).toBe(true);
    const { stream } = (r as { value: { stream: string } }).value;
    await backend.invoke('exec:input', { stream, data: 'echo attached$((1+1))\r' }, c);
    await c.waitFor(() => c.text('exec:output', stream).includes('attached2'));
    await backend.invoke('exec:input', { stream, data: 'exit 5\r' }, c);
    await c.waitFor(() => c.events.some((e) => e.event === 'exec:exit'));
    expect(c.events.find((e) => e.event === 'exec:exit')?.payload).toMatchObject({ exitCode: 5 });
  });

  it('refuses attach to a container without -it', async () => {
    const name = await start(IMAGE, 'sleep', '1000');
    const r = await backend.invoke('exec:start', { id: name, mode: 'attach', cols: 80, rows: 24 }, recordingClient());
    expect(r).toMatchObject({ ok: false, error: { code: 'ATTACH_NOT_INTERACTIVE' } });
  });
});
