import { describe, expect, it } from 'vitest';
import { Demuxer, type StreamKind } from './demux';

const frame = (type: number, text: string | Buffer): Buffer => {
  const body = typeof text === 'string' ? Buffer.from(text) : text;
  const h = Buffer.alloc(8);
  h[0] = type;
  h.writeUInt32BE(body.length, 4);
  return Buffer.concat([h, body]);
};

function collect(tty: boolean, chunks: Buffer[]): { out: Record<StreamKind, string>; starts: number; d: Demuxer } {
  const out: Record<StreamKind, string> = { stdout: '', stderr: '' };
  let starts = 0;
  const d = new Demuxer(tty, (k, data, start) => {
    out[k] += data.toString('latin1');
    if (start) starts += 1;
  });
  for (const c of chunks) d.push(c);
  return { out, starts, d };
}

/** Every way of cutting `buf` into pieces of `size` bytes. */
const cut = (buf: Buffer, size: number): Buffer[] => {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return parts;
};

describe('Demuxer', () => {
  const stream = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err one\n'), frame(1, 'out two\n'), frame(0, 'in\n')]);

  it('splits stdout and stderr frames in one chunk', () => {
    const { out, starts, d } = collect(false, [stream]);
    expect(out.stdout).toBe('out one\nout two\nin\n');
    expect(out.stderr).toBe('err one\n');
    expect(starts).toBe(4);
    expect(d.pending).toBe(0);
  });

  it.each([1, 2, 3, 5, 7, 8, 9, 13])('gives the same result when frames are split into %i-byte chunks', (size) => {
    const { out, starts } = collect(false, cut(stream, size));
    expect(out.stdout).toBe('out one\nout two\nin\n');
    expect(out.stderr).toBe('err one\n');
    expect(starts).toBe(4);
  });

  it('passes a large frame on in pieces without gathering it', () => {
    const big = Buffer.alloc(1_000_000, 0x61);
    const pieces: number[] = [];
    const d = new Demuxer(false, (_k, data) => pieces.push(data.length));
    for (const c of cut(frame(1, big), 65536)) d.push(c);
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(65536);
  });

  it('passes TTY streams through raw, headers and all', () => {
    const { out } = collect(true, [Buffer.from('\x1b[32mgreen\x1b[0m\r\n'), Buffer.from([1, 0, 0, 0])]);
    expect(out.stdout).toBe('\x1b[32mgreen\x1b[0m\r\n\x01\x00\x00\x00');
    expect(out.stderr).toBe('');
  });

  it('falls back to raw when the first bytes are not a frame header', () => {
    const { out, d } = collect(false, [Buffer.from('hello world\n')]);
    expect(d.isRaw).toBe(true);
    expect(out.stdout).toBe('hello world\n');
  });

  it('keeps binary payload bytes intact', () => {
    const bin = Buffer.from([0, 1, 2, 255, 254, 0x1b, 10]);
    const { out } = collect(false, cut(frame(1, bin), 3));
    expect(Buffer.from(out.stdout, 'latin1').equals(bin)).toBe(true);
  });

  it('reports an unfinished frame as pending', () => {
    const { d } = collect(false, [frame(1, 'abcdef').subarray(0, 10)]);
    expect(d.pending).toBe(4);
  });
});
