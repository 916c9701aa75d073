import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { type Header, pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { hasCode } from '../../api/errors';
import { OneFileTar } from './one-file-tar';

async function tarOf(entries: Array<[Partial<Header> & { name: string }, Buffer]>): Promise<Buffer> {
  const p = pack();
  for (const [h, body] of entries) p.entry(h, body);
  p.finalize();
  const parts: Buffer[] = [];
  for await (const c of p) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Feeds `archive` in pieces cut at `cuts`, as the engine's reads would; the outcome and the bytes out. */
async function cutOut(name: string, archive: Buffer, cuts: number[] = [], pauseEvery = 0) {
  const out: Buffer[] = [];
  let ended = false;
  let failed: Error | null = null;
  let calls = 0;
  const t = new OneFileTar(name, `/x/${name}`, {
    content: (b) => {
      out.push(b);
      return pauseEvery === 0 || ++calls % pauseEvery !== 0;
    },
    end: () => (ended = true),
    fail: (e) => (failed = e),
  });
  const at = [...new Set(cuts.filter((c) => c > 0 && c < archive.length))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, archive.length]) {
    t.write(archive.subarray(from, to));
    from = to;
    // tar-stream reads headers asynchronously: let it, as the socket's reads would.
    await new Promise((r) => setImmediate(r));
  }
  t.end();
  const size = await t.header.catch(() => -1);
  return { size, bytes: Buffer.concat(out), ended, failed: failed as Error | null };
}

const unsafe = (e: Error | null): boolean => hasCode(e, 'FILE_ARCHIVE_UNSAFE');

describe('one file cut out of the engine archive', () => {
  it('passes the bytes through whatever the reads cut, and ends', async () => {
    const body = randomBytes(70_000);
    const archive = await tarOf([[{ name: 'big.bin' }, body]]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(archive.length), { maxLength: 12 }), async (cuts) => {
        const r = await cutOut('big.bin', archive, cuts);
        expect(r.failed).toBeNull();
        expect(r.ended).toBe(true);
        expect(r.size).toBe(body.length);
        expect(r.bytes.equals(body)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('ends when the engine ends before the header is read (a small file in one read, over SSH)', async () => {
    const archive = await tarOf([[{ name: 'f' }, Buffer.from('via ssh\n')]]);
    const out: Buffer[] = [];
    let ended = false;
    const t = new OneFileTar('f', '/f', { content: (b) => out.push(b) > 0, end: () => (ended = true), fail: () => {} });
    t.write(archive);
    t.end();
    expect(await t.header).toBe(8);
    await new Promise((r) => setImmediate(r));
    expect(ended).toBe(true);
    expect(Buffer.concat(out).toString()).toBe('via ssh\n');
  });

  it('an empty file, and a file the engine names with its folder (/x/name)', async () => {
    const r = await cutOut('e', await tarOf([[{ name: 'e' }, Buffer.alloc(0)]]));
    expect([r.failed, r.ended, r.size, r.bytes.length]).toEqual([null, true, 0, 0]);
    const abs = await cutOut('f', await tarOf([[{ name: '/f' }, Buffer.from('hi')]]));
    expect(abs.bytes.toString()).toBe('hi');
  });

  it('reads a PAX long name before the content', async () => {
    const name = `${'long-name-'.repeat(20)}.txt`;
    const archive = await tarOf([[{ name }, Buffer.from('pax body')]]);
    // pack() wrote a PAX header: the content is not at byte 512.
    expect(archive.subarray(156, 157).toString()).toBe('x');
    const r = await cutOut(name, archive, [300, 1000, 1100]);
    expect(r.failed).toBeNull();
    expect(r.bytes.toString()).toBe('pax body');
  });

  it('refuses a header of another type or name', async () => {
    for (const h of [
      { name: 'f', type: 'symlink' as const, linkname: '/etc/shadow' },
      { name: 'f', type: 'directory' as const },
      { name: 'other' },
      { name: '../f' },
    ]) {
      const r = await cutOut('f', await tarOf([[h, Buffer.alloc(0)]]));
      expect(unsafe(r.failed), JSON.stringify(h)).toBe(true);
      expect([r.ended, r.size, r.bytes.length]).toEqual([false, -1, 0]);
    }
  });

  it('a short body fails', async () => {
    const body = randomBytes(5000);
    const archive = await tarOf([[{ name: 'f' }, body]]);
    const r = await cutOut('f', archive.subarray(0, 512 + 4000), [1024]);
    expect(hasCode(r.failed, 'FILE_COPY_FAILED')).toBe(true);
    expect(r.ended).toBe(false);
    expect(r.bytes.length).toBeLessThanOrEqual(4000);
  });

  it('a second entry after the file is refused, with its name, before the file is whole', async () => {
    const body = randomBytes(1000);
    const archive = await tarOf([
      [{ name: 'f' }, body],
      [{ name: '../../etc/cron.d/x' }, Buffer.from('evil')],
    ]);
    for (const cuts of [[], [512 + 1000], [512 + 1024 + 10], [600, 1600]]) {
      const r = await cutOut('f', archive, cuts);
      expect(unsafe(r.failed)).toBe(true);
      expect(r.failed?.message).toContain('../../etc');
      expect(r.ended).toBe(false);
      expect(r.bytes.length).toBeLessThan(body.length);
    }
  });

  it('no entry at all, or not a tar, fails', async () => {
    const empty = await cutOut('f', Buffer.alloc(1024));
    expect(hasCode(empty.failed, 'FILE_COPY_FAILED')).toBe(true);
    const junk = await cutOut('f', Buffer.from('{"message":"not a tar"}'.padEnd(600, ' ')));
    expect(hasCode(junk.failed, 'FILE_COPY_FAILED')).toBe(true);
    expect(junk.size).toBe(-1);
  });

  it('says when the receiver wants no more (backpressure)', async () => {
    const body = randomBytes(4096);
    const archive = await tarOf([[{ name: 'f' }, body]]);
    const r = await cutOut('f', archive, [1024, 1536, 2048, 2560], 2);
    expect(r.bytes.equals(body)).toBe(true);
    const t = new OneFileTar('f', '/f', { content: () => false, end: () => {}, fail: () => {} });
    t.write(archive.subarray(0, 1024));
    await t.header;
    expect(t.write(archive.subarray(1024, 2048))).toBe(false);
  });
});
