import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../bridge';
import { LogSession } from './log-session';
import type { TerminalHost } from './create-terminal';

// A fake bridge and terminal: the session's own logic (routing, queueing, skipping, acks).
const listeners = new Map<string, (p: unknown) => void>();
const calls: [string, unknown][] = [];
let nextStream = 1;
const bridge = {
  kind: 'web',
  call: async (name: string, input: unknown) => {
    calls.push([name, input]);
    return name === 'logs:open' ? { stream: `logs-${nextStream++}`, name: 'c', tty: false } : null;
  },
  on: (e: string, l: (p: unknown) => void) => {
    listeners.set(e, l);
    return () => listeners.delete(e);
  },
  openExternal: () => {},
  downloadLogs: async () => {},
  onTransport: () => () => {},
} as unknown as Bridge;
const emit = (e: string, p: unknown): void => listeners.get(e)?.(p);

function fakeTerm(scrollback: number, rows: number) {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  return {
    written,
    /** Runs xterm's write callbacks (as if it parsed everything handed to it). */
    flush: () => pending.splice(0).forEach((cb) => cb()),
    term: {
      options: { scrollback },
      rows,
      reset: () => void written.splice(0),
      write: (d: string, cb: () => void) => {
        written.push(d);
        pending.push(cb);
      },
    },
  };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('LogSession', () => {
  it('writes chunks that arrive before logs:open answers, acks what was written, and marks the end', async () => {
    const t = fakeTerm(100, 10);
    const host = { dataset: {} } as unknown as TerminalHost;
    const s = new LogSession(
      bridge,
      t.term as never,
      host,
      () => {},
      (n) => `${n} skipped`,
    );
    const stream = `logs-${nextStream}`;
    const opening = s.open('c', { tail: 'all', timestamps: false, follow: false });
    emit('logs:chunk', { stream, data: 'early\n' });
    await opening;
    emit('logs:chunk', { stream, data: 'late\n' });
    emit('logs:end', { stream, reason: 'done' });
    expect(t.written).toEqual(['early\n', 'late\n']);
    expect(host.dataset.logDone).toBe('0');
    t.flush();
    await tick();
    expect(host.dataset.logDone).toBe('1');
    expect(calls.filter(([n]) => n === 'streams:ack').at(-1)?.[1]).toEqual({ stream, bytes: 11 });
  });

  it('skips queued lines that would scroll out of the scrollback unseen, and says so', async () => {
    // Scrollback 6 rows = 3 kept lines (room to wrap once) + 2 screen rows.
    const t = fakeTerm(6, 2);
    const host = { dataset: {} } as unknown as TerminalHost;
    const s = new LogSession(
      bridge,
      t.term as never,
      host,
      () => {},
      (n) => `${n} skipped`,
    );
    const stream = `logs-${nextStream}`;
    await s.open('c', { tail: 'all', timestamps: false, follow: false });
    const big = `${'x'.repeat(1024 * 1024 - 1)}\n`;
    emit('logs:chunk', { stream, data: big });
    for (let i = 0; i < 8; i++) emit('logs:chunk', { stream, data: `l${i}\n` });
    t.flush();
    t.flush();
    expect(t.written[0]).toBe(big);
    expect(t.written.slice(1).join('')).toBe('\x1b[2m… 3 skipped\x1b[22m\nl3\nl4\nl5\nl6\nl7\n');
    expect(host.dataset.skipped).toBe('3');
    expect(host.dataset.written).toBe(String(big.length + 5 * 3));
    expect(calls.filter(([n]) => n === 'streams:ack').at(-1)?.[1]).toEqual({ stream, bytes: big.length + 8 * 3 });
  });

  it('ignores a previous stream once re-opened (options changed)', async () => {
    const t = fakeTerm(100, 10);
    const host = { dataset: {} } as unknown as TerminalHost;
    const s = new LogSession(
      bridge,
      t.term as never,
      host,
      () => {},
      (n) => `${n}`,
    );
    const first = `logs-${nextStream}`;
    await s.open('c', { tail: 'all', timestamps: false, follow: true });
    await s.open('c', { tail: 'all', timestamps: true, follow: true });
    emit('logs:chunk', { stream: first, data: 'old\n' });
    expect(t.written).toEqual([]);
    expect(calls).toContainEqual(['logs:close', { stream: first }]);
  });

  it('asks for the lines it keeps, and tells the earlier ones (counted by the backend, or wrapped out of the rows)', async () => {
    const t = fakeTerm(10, 2);
    // Two lines left in the terminal's rows: the first whole line on row 0, a continuation on row 1.
    const rows = [{ isWrapped: false }, { isWrapped: true }, { isWrapped: false }, { isWrapped: false }];
    Object.assign(t.term, { buffer: { active: { baseY: 0, cursorY: 3, getLine: (i: number) => rows[i] } } });
    const host = { dataset: {} } as unknown as TerminalHost;
    const told: number[] = [];
    const s = new LogSession(
      bridge,
      t.term as never,
      host,
      () => {},
      (n) => `${n}`,
      (n) => told.push(n),
    );
    const stream = `logs-${nextStream}`;
    await s.open('c', { tail: 'all', timestamps: false, follow: false });
    expect(calls.filter(([n]) => n === 'logs:open').at(-1)?.[1]).toMatchObject({ tail: 'all', keep: 5 });
    emit('logs:chunk', { stream, data: 'a\nb\nc\n' });
    emit('logs:chunk', { stream, data: '', earlier: 100 });
    emit('logs:end', { stream, reason: 'done' });
    expect(told).toEqual([0, 100]);
    t.flush();
    await tick();
    // Three lines written, two still start a row: one more only in the download.
    expect(told.at(-1)).toBe(101);
    expect(host.dataset.earlier).toBe('101');
    expect(host.dataset.logDone).toBe('1');
  });
});
