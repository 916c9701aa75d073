import { describe, expect, it } from 'vitest';
import { Demuxer } from './demux';
import { EarlierLines } from './log-earlier';

const frame = (type: number, text: string): Buffer => {
  const body = Buffer.from(text);
  const h = Buffer.alloc(8);
  h[0] = type;
  h.writeUInt32BE(body.length, 4);
  return Buffer.concat([h, body]);
};
const ts = (n: number): string => `2026-11-24T18:00:00.${String(n).padStart(9, '0')}Z`;

/** Feeds `bytes` through a demuxer in pieces of `size` bytes (frames and timestamps split anywhere). */
function count(tty: boolean, bytes: Buffer, size: number, target: string, kind: 'stdout' | 'stderr' = 'stdout'): EarlierLines {
  const c = new EarlierLines(target, kind);
  const d = new Demuxer(tty, (k, data, start) => c.push(k, data, start, d.isRaw));
  for (let i = 0; i < bytes.length; i += size) d.push(bytes.subarray(i, i + size));
  return c;
}

describe('EarlierLines', () => {
  const log = Buffer.concat([
    frame(1, `${ts(1)} one\n`),
    frame(2, `${ts(2)} two\nand a half\n`),
    frame(1, `${ts(3)} three\n`),
    frame(1, `${ts(4)} four\n`),
  ]);

  it('counts the lines before the message with the given timestamp, split anywhere', () => {
    for (const size of [1, 3, 7, 1000]) {
      const c = count(false, log, size, ts(3));
      expect(c.found).toBe(true);
      expect(c.lines).toBe(3);
    }
  });

  it('needs the stream to match too, and reports not found (every line counted) otherwise', () => {
    const c = count(false, log, 5, ts(2), 'stdout');
    expect(c.found).toBe(false);
    expect(c.lines).toBe(5);
    expect(count(false, log, 5, ts(2), 'stderr').lines).toBe(1);
  });

  it('counts a TTY stream, where every line carries its own timestamp', () => {
    const raw = Buffer.from(`${ts(1)} a\r\n${ts(2)} b\n${ts(3)} c\n`);
    for (const size of [1, 4, 100]) {
      const c = count(true, raw, size, ts(3));
      expect([c.found, c.lines]).toEqual([true, 2]);
    }
  });

  it('is zero when the first line kept is the first of the log', () => {
    expect(count(false, log, 64, ts(1)).lines).toBe(0);
  });
});
