// Against the real dockerd: logs in order with stderr marked, follow across a restart without
// duplicates, flow control pausing an un-acknowledged stream, a client going away, driver none.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { localConnectionFromEnv } from '../../connection/local';
import { STDERR_MARK } from './log-format';
import { docker, recordingClient, uniqueName } from '../test-client';

const IMAGE = 'wharf-fixture/busybox:1';
let backend: Backend;
const names: string[] = [];

async function start(...args: string[]): Promise<string> {
  const name = uniqueName('wharf-logs');
  names.push(name);
  await docker('run', '-d', '--name', name, '--label', 'wharf.test=1', ...args);
  return name;
}

async function ready(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const r = await backend.invoke('engine:status', {});
    if (r.ok && (r.value as { state: string }).state === 'ready') return;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('engine not ready');
}

beforeAll(async () => {
  backend = createBackend({ connection: localConnectionFromEnv() });
  await ready();
});
afterAll(async () => {
  await backend.close();
  if (names.length) await docker('rm', '-f', ...names).catch(() => '');
});

describe('logs against the real engine', () => {
  it('shows stdout and stderr lines in order, stderr marked, ANSI kept, then ends', async () => {
    const name = await start(
      IMAGE,
      'sh',
      '-c',
      'echo one; sleep 0.1; echo two >&2; sleep 0.1; printf "\\033[32mgreen\\033[0m\\n"; echo four',
    );
    await docker('wait', name);
    const c = recordingClient();
    const r = await backend.invoke('logs:open', { id: name, tail: 'all', timestamps: false, follow: false }, c);
    expect(r.ok).toBe(true);
    const { stream } = (r as { value: { stream: string } }).value;
    await c.waitFor(() => c.events.some((e) => e.event === 'logs:end'));
    expect(c.text('logs:chunk', stream)).toBe(`one\n${STDERR_MARK}two\n\x1b[32mgreen\x1b[0m\nfour\n`);
  });

  it('honours tail and shows timestamps when asked', async () => {
    const name = await start(IMAGE, 'sh', '-c', 'for i in 1 2 3 4 5; do echo l$i; done');
    await docker('wait', name);
    const c = recordingClient();
    const r = await backend.invoke('logs:open', { id: name, tail: 2, timestamps: true, follow: false }, c);
    const { stream } = (r as { value: { stream: string } }).value;
    await c.waitFor(() => c.events.some((e) => e.event === 'logs:end'));
    const lines = c.text('logs:chunk', stream).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\x1b\[2m\d{4}-\d\d-\d\dT[\d:.]+Z\x1b\[22m l4$/);
  });

  it('sends only the lines the view keeps of a longer log and counts the earlier ones (ended and followed)', async () => {
    const name = await start(
      IMAGE,
      'sh',
      '-c',
      'i=1; while [ $i -le 50 ]; do echo l$i; [ $((i % 10)) = 0 ] && echo e$i >&2; i=$((i+1)); done',
    );
    await docker('wait', name);
    for (const follow of [false, true]) {
      const c = recordingClient();
      const r = await backend.invoke('logs:open', { id: name, tail: 'all', timestamps: false, follow, keep: 20 }, c);
      const { stream } = (r as { value: { stream: string } }).value;
      const earlier = (): number | undefined =>
        (
          c.events.find((e) => e.event === 'logs:chunk' && (e.payload as { earlier?: number }).earlier !== undefined)
            ?.payload as { earlier?: number } | undefined
        )?.earlier;
      await c.waitFor(() => earlier() !== undefined && (follow || c.events.some((e) => e.event === 'logs:end')));
      const lines = c.text('logs:chunk', stream).trimEnd().split('\n');
      // Exactly what `docker logs --tail 20` shows (the engine orders stdout and stderr by when it
      // read them), stderr marked; 55 lines in all.
      const expected = execFileSync('sh', ['-c', `docker logs --tail 20 ${name} 2>&1`], { encoding: 'utf8' })
        .trimEnd()
        .split('\n')
        .map((l) => (l.startsWith('e') ? `${STDERR_MARK}${l}` : l));
      expect(lines).toEqual(expected);
      expect(lines).toHaveLength(20);
      expect(earlier()).toBe(35);
      if (follow) await backend.invoke('logs:close', { stream }, c);
    }
  });

  it('keeps following across a stop and start, with no line twice or lost', async () => {
    const script = 'n=$(cat /tmp/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /tmp/n; echo boot$n; sleep 1000';
    const name = await start(IMAGE, 'sh', '-c', script);
    const c = recordingClient();
    const r = await backend.invoke('logs:open', { id: name, tail: 'all', timestamps: false, follow: true }, c);
    const { stream } = (r as { value: { stream: string } }).value;
    await c.waitFor(() => c.text('logs:chunk', stream).includes('boot1'));
    await docker('stop', '-t', '0', name);
    await c.waitFor(() =>
      c.events.some((e) => e.event === 'logs:state' && (e.payload as { state: string }).state === 'waiting'),
    );
    await docker('start', name);
    await c.waitFor(() => c.text('logs:chunk', stream).includes('boot2'));
    await new Promise((res) => setTimeout(res, 300));
    expect(c.text('logs:chunk', stream)).toBe('boot1\nboot2\n');
    c.close();
  });

  it('pauses an engine stream the client does not acknowledge, and resumes on ack', async () => {
    const name = await start(
      IMAGE,
      'sh',
      '-c',
      'yes 0123456789012345678901234567890123456789 | head -n 200000; sleep 1000',
    );
    const c = recordingClient();
    const r = await backend.invoke('logs:open', { id: name, tail: 'all', timestamps: false, follow: true }, c);
    const { stream } = (r as { value: { stream: string } }).value;
    const sent = (): number => c.text('logs:chunk', stream).length;
    await c.waitFor(() => sent() >= 1024 * 1024);
    await new Promise((res) => setTimeout(res, 500));
    const stalled = sent();
    expect(stalled).toBeLessThan(1024 * 1024 + 256 * 1024);
    await backend.invoke('streams:ack', { stream, bytes: stalled }, c);
    await c.waitFor(() => sent() > stalled + 512 * 1024);
    c.close();
  });

  it('ends the engine stream when its client goes away; other clients cannot touch it', async () => {
    const name = await start(IMAGE, 'sh', '-c', 'while true; do echo x; sleep 0.05; done');
    const c = recordingClient();
    const other = recordingClient();
    const r = await backend.invoke('logs:open', { id: name, tail: 'all', timestamps: false, follow: true }, c);
    const { stream } = (r as { value: { stream: string } }).value;
    const foreign = await backend.invoke('logs:close', { stream }, other);
    expect(foreign.ok).toBe(false);
    c.close();
    const after = c.events.length;
    await new Promise((res) => setTimeout(res, 300));
    expect(c.events.length).toBe(after);
    const again = await backend.invoke('logs:close', { stream }, c);
    expect(again).toMatchObject({ ok: false, error: { code: 'STREAM_NOT_FOUND' } });
  });

  it('says clearly when the log driver keeps nothing (none)', async () => {
    const name = await start('--log-driver', 'none', IMAGE, 'sh', '-c', 'echo hidden; sleep 1000');
    const r = await backend.invoke(
      'logs:open',
      { id: name, tail: 'all', timestamps: false, follow: true },
      recordingClient(),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'LOGS_UNAVAILABLE' } });
  });

  it('ends with "removed" when a followed container is removed', async () => {
    const name = await start(IMAGE, 'sh', '-c', 'echo hi; sleep 1000');
    const c = recordingClient();
    const r = await backend.invoke('logs:open', { id: name, tail: 'all', timestamps: false, follow: true }, c);
    const { stream } = (r as { value: { stream: string } }).value;
    await c.waitFor(() => c.text('logs:chunk', stream).includes('hi'));
    await docker('rm', '-f', name);
    await c.waitFor(() => c.events.some((e) => e.event === 'logs:end'));
    expect(c.events.find((e) => e.event === 'logs:end')?.payload).toMatchObject({ reason: 'removed' });
  });

  it('streams the full log to a file through a one-time ticket, stdout and stderr unmarked', async () => {
    const name = await start(IMAGE, 'sh', '-c', 'echo a; sleep 0.05; echo b >&2; sleep 0.05; echo c');
    await docker('wait', name);
    const t = await backend.invoke('logs:download-ticket', { id: name, timestamps: false }, recordingClient());
    const { ticket } = (t as { value: { ticket: string } }).value;
    const file = await backend.openLogDownload!(ticket);
    const parts: Buffer[] = [];
    for await (const c of file.stream) parts.push(c as Buffer);
    expect(file.name).toBe(name);
    expect(Buffer.concat(parts).toString()).toBe('a\nb\nc\n');
    await expect(backend.openLogDownload!(ticket)).rejects.toMatchObject({ code: 'DOWNLOAD_EXPIRED' });
  });

  it('copes with a single 10 MB line and with binary garbage (invalid UTF-8 replaced)', async () => {
    const name = await start(
      IMAGE,
      'sh',
      '-c',
      "head -c 10485760 /dev/zero | tr '\\0' a; echo; head -c 65536 /dev/urandom; echo; echo after-garbage",
    );
    await docker('wait', name);
    const c = recordingClient();
    const r = await backend.invoke('logs:open', { id: name, tail: 'all', timestamps: false, follow: false }, c);
    const { stream } = (r as { value: { stream: string } }).value;
    let acked = 0;
    const timer = setInterval(() => {
      acked = c.text('logs:chunk', stream).length;
      void backend.invoke('streams:ack', { stream, bytes: acked }, c);
    }, 20);
    await c.waitFor(() => c.events.some((e) => e.event === 'logs:end'), 60_000);
    clearInterval(timer);
    const text = c.text('logs:chunk', stream);
    expect(text.startsWith('a'.repeat(1000))).toBe(true);
    expect(text.indexOf('\n')).toBe(10485760);
    expect(text.endsWith('after-garbage\n')).toBe(true);
    expect(c.events.find((e) => e.event === 'logs:end')?.payload).toMatchObject({ reason: 'done' });
    const chunks = c.events
      .filter((e) => e.event === 'logs:chunk')
      .map((e) => (e.payload as { data: string }).data.length);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(64 * 1024 + 16 * 1024);
  });

  it('reads a TTY container (raw stream, no frame headers), following it across a restart', async () => {
    const name = await start('-t', IMAGE, 'sh', '-c', 'echo tty-one; printf "\\033[31mred\\033[0m\\n"; sleep 1000');
    const c = recordingClient();
    const r = await backend.invoke('logs:open', { id: name, tail: 'all', timestamps: false, follow: true }, c);
    const v = (r as { value: { stream: string; tty: boolean } }).value;
    expect(v.tty).toBe(true);
    await c.waitFor(() => c.text('logs:chunk', v.stream).includes('red'));
    await docker('restart', '-t', '0', name);
    await c.waitFor(() => (c.text('logs:chunk', v.stream).match(/tty-one/g) ?? []).length === 2);
    await new Promise((res) => setTimeout(res, 200));
    expect(c.text('logs:chunk', v.stream)).toBe('tty-one\r\n\x1b[31mred\x1b[0m\r\ntty-one\r\n\x1b[31mred\x1b[0m\r\n');
    c.close();
  });
});
