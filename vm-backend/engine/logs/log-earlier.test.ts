import { describe, expect, it } from 'vitest';
import { Demuxer } from '../streams/demux';
import { LinesBefore } from './log-earlier';

const frame = (type: number, text: string): Buffer => {
  const body = Buffer.from(text);
  const h = Buffer.alloc(8);
  h[0] = type;
  h.writeUInt32BE(body.length, 4);
  return Buffer.concat([h, body]);
};

/** Feeds `bytes` through a demuxer in pieces of `size` bytes (frames split anywhere). */
function countBefore(tty: boolean, bytes: Buffer, size: number): number {
  const c = new LinesBefore();
  const d = new Demuxer(tty, (_k, data, start) => c.push(data, start, d.isRaw));
  for (let i = 0; i < bytes.length; i += size) d.push(bytes.subarray(i, i + size));
  return c.before(d.isRaw);
}

// The engine's answer to `until` = the first shown message's time: everything up to and
// including that message, which is the last one here.
describe('LinesBefore', () => {
  it('counts the lines before the last message, frames split anywhere (a size byte may be a newline)', () => {
    const log = Buffer.concat([
      frame(1, 'one\n'),
      frame(2, `${'x'.repeat(10)}\n`),
      frame(1, 'three\nand more\n'),
      frame(1, 'first shown\n'),
    ]);
    for (const size of [1, 3, 7, 1000]) expect(countBefore(false, log, size)).toBe(4);
  });

  it('leaves out all of a last message that spans several lines, and counts a message without a newline as none', () => {
    expect(countBefore(false, Buffer.concat([frame(1, 'a\n'), frame(1, 'partial'), frame(1, 'b\nc\n')]), 2)).toBe(1);
  });

  it('counts a TTY stream, where every line is a message', () => {
    for (const size of [1, 4, 100]) {
      expect(countBefore(true, Buffer.from('a\r\nb\nfirst shown\n'), size)).toBe(2);
      expect(countBefore(true, Buffer.from('a\nb\nfirst shown, no newline yet'), size)).toBe(2);
    }
  });

  it('is zero when the first line shown is the first of the log', () => {
    expect(countBefore(false, frame(1, 'only\n'), 64)).toBe(0);
    expect(countBefore(false, Buffer.alloc(0), 64)).toBe(0);
  });
});
