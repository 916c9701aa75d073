import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArchiveHandlers, ArchiveSource } from './archive-source';
import { WriteFailed, writeArchiveFile } from './file-write-direct';

const dir = mkdtempSync(join(tmpdir(), 'wharf-direct-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function tarOf(name: string, body: Buffer, extra = false): Promise<Buffer> {
  const p = pack();
  p.entry({ name, size: body.length }, body);
  if (extra) p.entry({ name: 'second' }, Buffer.from('x'));
  p.finalize();
  const parts: Buffer[] = [];
  for await (const c of p) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** An engine's archive fed in 64 KiB reads, one per turn, honouring pause/resume. */
function source(archive: Buffer): ArchiveSource & { pauses: number; destroyed: boolean } {
  let h: ArchiveHandlers | null = null;
  let at = 0;
  let paused = false;
  const s = {
    pauses: 0,
    destroyed: false,
    start(handlers: ArchiveHandlers) {
      h = handlers;
      pump();
    },
    pause() {
      paused = true;
      s.pauses++;
    },
    resume() {
      if (!paused) return;
      paused = false;
      pump();
    },
    destroy() {
      s.destroyed = true;
    },
  };
  const pump = (): void => {
    setImmediate(() => {
      if (paused || s.destroyed || !h) return;
      if (at >= archive.length) return h.end();
      const piece = archive.subarray(at, at + 65536);
      at += piece.length;
      if (!h.data(piece)) s.pause();
      pump();
    });
  };
  return s;
}

describe('writeArchiveFile', () => {
  it('writes the file cut out of its archive, whole, and counts what it wrote', async () => {
    const body = randomBytes(24 * 1024 * 1024 + 123);
    const src = source(await tarOf('big.bin', body));
    const fh = await open(join(dir, 'a'), 'w');
    let last = 0;
    await writeArchiveFile(src, '/data/big.bin', '/data/big.bin', fh, new AbortController().signal, (n) => (last = n));
    await fh.close();
    expect(readFileSync(join(dir, 'a')).equals(body)).toBe(true);
    expect(last).toBe(body.length);
  });

  it('refuses an archive with a second entry, and a cancel, closing the archive each time', async () => {
    const two = source(await tarOf('f', Buffer.from('hello'), true));
    const fh = await open(join(dir, 'b'), 'w');
    const err = await writeArchiveFile(two, '/f', '/f', fh, new AbortController().signal, () => {}).catch((e) => e);
    expect(err.code).toBe('FILE_ARCHIVE_UNSAFE');
    expect(two.destroyed).toBe(true);
    const abort = new AbortController();
    const big = source(await tarOf('g', randomBytes(8 * 1024 * 1024)));
    const going = writeArchiveFile(big, '/g', '/g', fh, abort.signal, () => abort.abort(new Error('cancelled')));
    await expect(going).rejects.toThrow('cancelled');
    expect(big.destroyed).toBe(true);
    // Cancelled before it began: nothing is read at all.
    const early = source(await tarOf('h', Buffer.from('never')));
    await expect(writeArchiveFile(early, '/h', '/h', fh, abort.signal, () => {})).rejects.toThrow('cancelled');
    expect(early.destroyed).toBe(true);
    await fh.close();
  });

  it("a disk's refusal is a WriteFailed with its errno", async () => {
    const ro = await open(join(dir, 'a'), 'r');
    const src = source(await tarOf('big.bin', randomBytes(1024)));
    const err = await writeArchiveFile(src, '/big.bin', '/big.bin', ro, new AbortController().signal, () => {}).catch(
      (e) => e,
    );
    await ro.close();
    expect(err).toBeInstanceOf(WriteFailed);
    expect((err as WriteFailed).err).toMatchObject({ code: 'EBADF' });
    expect(src.destroyed).toBe(true);
  });
});
