import { describe, expect, it } from 'vitest';
import { LogFormatter, STDERR_MARK } from './log-format';
import { parseLogTime, sinceParam } from './log-time';

const T1 = '2026-11-24T17:46:47.848865997Z';
const T2 = '2026-11-24T17:46:48.1597936Z';
const T3 = '2026-11-24T17:46:48.453186977Z';

function fmt(timestamps = false): { f: LogFormatter; text: () => string } {
  let s = '';
  const f = new LogFormatter({ timestamps }, (t) => (s += t));
  return { f, text: () => s };
}

describe('log time', () => {
  it('parses nanoseconds exactly and orders short fractions right', () => {
    expect(parseLogTime(T1)).toBe(1795542407848865997n);
    expect(parseLogTime(T2)! < parseLogTime(T3)!).toBe(true);
    expect(parseLogTime('nope')).toBeNull();
    expect(sinceParam(parseLogTime(T2)!)).toBe('1795542408.159793600');
  });
});

describe('LogFormatter', () => {
  it('strips timestamps unless asked, and marks stderr lines', () => {
    const { f, text } = fmt();
    f.push('stdout', Buffer.from(`${T1} hello\n`), true, false);
    f.push('stderr', Buffer.from(`${T2} oops\n`), true, false);
    expect(text()).toBe(`hello\n${STDERR_MARK}oops\n`);
  });

  it('shows timestamps dimmed when asked', () => {
    const { f, text } = fmt(true);
    f.push('stdout', Buffer.from(`${T1} hello\n`), true, false);
    expect(text()).toBe(`\x1b[2m${T1}\x1b[22m hello\n`);
  });

  it('handles a timestamp split across chunks', () => {
    const { f, text } = fmt();
    const msg = Buffer.from(`${T1} split\n`);
    f.push('stdout', msg.subarray(0, 10), true, false);
    f.push('stdout', msg.subarray(10, 31), false, false);
    f.push('stdout', msg.subarray(31), false, false);
    expect(text()).toBe('split\n');
  });

  it('in a TTY stream, finds a timestamp after every newline', () => {
    const { f, text } = fmt();
    f.push('stdout', Buffer.from(`${T1} a\r\n${T2} b\r\n${T3} `), true, true);
    f.push('stdout', Buffer.from('c\r\n'), false, true);
    expect(text()).toBe('a\r\nb\r\nc\r\n');
  });

  it('joins partial messages of a long line without repeating the prefix', () => {
    const { f, text } = fmt();
    f.push('stderr', Buffer.from(`${T1} aaaa`), true, false);
    f.push('stderr', Buffer.from(`${T2} bbbb\n`), true, false);
    expect(text()).toBe(`${STDERR_MARK}aaaabbbb\n`);
  });

  it('after a restart, skips messages at or before the last one shown', () => {
    const { f, text } = fmt();
    f.push('stdout', Buffer.from(`${T1} one\n`), true, false);
    f.push('stdout', Buffer.from(`${T2} two\n`), true, false);
    f.restart();
    f.push('stdout', Buffer.from(`${T2} two\n`), true, false);
    f.push('stdout', Buffer.from(`${T3} three\n`), true, false);
    expect(text()).toBe('one\ntwo\nthree\n');
  });

  it('within one stream keeps every part of a long line, though the parts share a timestamp', () => {
    const { f, text } = fmt();
    f.push('stdout', Buffer.from(`${T1} aaaa`), true, false);
    f.push('stdout', Buffer.from(`${T1} bbbb\n`), true, false);
    expect(text()).toBe('aaaabbbb\n');
  });

  it('passes text without timestamps through (a driver that gives none)', () => {
    const { f, text } = fmt();
    f.push('stdout', Buffer.from('no timestamp here\n'), true, false);
    expect(text()).toBe('no timestamp here\n');
  });

  it('replaces invalid UTF-8 and keeps a character split across chunks', () => {
    const { f, text } = fmt();
    const euro = Buffer.from('€');
    f.push('stdout', Buffer.concat([Buffer.from(`${T1} `), euro.subarray(0, 1)]), true, false);
    f.push('stdout', Buffer.concat([euro.subarray(1), Buffer.from([0xff, 0x0a])]), false, false);
    expect(text()).toBe('€\ufffd\n');
  });
});
