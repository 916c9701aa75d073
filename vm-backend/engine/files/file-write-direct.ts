// A regular file's bytes from the engine's archive straight into an open file on this machine:
// one-file-tar.ts cuts the file out of the archive (checking it as a download does), and its pieces
// are written with writev as they queue up, without a stream between. Beyond HELD bytes queued the
// engine's socket is paused until the disk catches up. The end comes once the archive ended well
// and the last write landed; a refused archive, a failed write or the signal rejects, with the
// engine's archive closed.
import type { FileHandle } from 'node:fs/promises';
import { baseName } from '../../api/rules/file-paths';
import type { ArchiveSource } from './archive-source';
import { copyFailed } from './file-errors';
import { OneFileTar } from './one-file-tar';

/** Bytes queued for the disk before the engine is paused, and the level it resumes at. */
const HELD = 8 * 1024 * 1024;
const RESUME_AT = 2 * 1024 * 1024;

/** The disk's refusal (its errno in `err`), told apart from the archive's own. */
export class WriteFailed extends Error {
  constructor(readonly err: unknown) {
    super(String((err as Error)?.message ?? err));
  }
}

export function writeArchiveFile(
  src: ArchiveSource,
  full: string,
  path: string,
  fh: FileHandle,
  signal: AbortSignal,
  onBytes: (written: number) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let queue: Buffer[] = [];
    let queued = 0;
    let written = 0;
    let writing = false;
    let paused = false;
    let ended = false;
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      queue = [];
      src.destroy();
      signal.removeEventListener('abort', onAbort);
      reject(e);
    };
    const onAbort = (): void => fail(signal.reason ?? new Error('cancelled'));
    // Cancelled before it began (while the part file was opened): no 'abort' event comes again.
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const finish = (): void => {
      if (failed || writing || queue.length || !ended) return;
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    const drain = async (): Promise<void> => {
      writing = true;
      try {
        while (queue.length && !failed) {
          const bufs = queue;
          const n = queued;
          queue = [];
          queued = 0;
          const { bytesWritten } = await fh.writev(bufs);
          // A regular file takes all or fails; a short write is a disk that filled up meanwhile.
          if (bytesWritten !== n)
            throw Object.assign(new Error(`wrote ${bytesWritten} of ${n} bytes`), { code: 'ENOSPC' });
          written += bytesWritten;
          onBytes(written);
          // Everything handed out so far is on disk (the last piece, held, is a copy): the
          // reader's memory may take its next reads.
          if (!queue.length) src.recycle?.();
          if (paused && queued < RESUME_AT && !failed) {
            paused = false;
            src.resume();
          }
        }
      } catch (e) {
        fail(new WriteFailed(e));
      } finally {
        writing = false;
      }
      finish();
    };
    const tar = new OneFileTar(baseName(full), path, {
      content: (piece) => {
        queue.push(piece);
        queued += piece.length;
        if (!writing) void drain();
        if (queued < HELD) return true;
        paused = true;
        return false;
      },
      end: () => {
        ended = true;
        finish();
      },
      fail,
    });
    tar.header.catch(() => {});
    src.start({
      data: (b) => tar.write(b),
      end: () => tar.end(),
      error: (e) => tar.fail(copyFailed(path, e.message)),
    });
  });
}
