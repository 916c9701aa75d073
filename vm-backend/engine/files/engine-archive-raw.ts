// GET /containers/{id}/archive on a socket of our own (the engine's unix socket, a pipe or TCP),
// as HTTP/1.0: the engine then sends the tar as it is, not chunked, and closes the connection at
// its end. The bytes are read into 4 MiB slabs handed out piece by piece (`onread`), so a read
// takes all the socket holds (not 64 KiB), nothing is copied, and no Buffer is made per read. A
// reader that says it is done with what it was given (recycle) has those slabs take the next reads:
// 200 MB in new slabs is 50 backing stores for the garbage collector, which in a large heap took
// ~100 ms of the main thread per copy.
// For what else this costs and saves, see the README's files notes.
import { connect, type Socket } from 'node:net';
import { type ArchiveHandlers, type ArchiveSource, engineError } from './archive-source';

const SLAB = 4 * 1024 * 1024;
/** Slabs kept for reuse once their reader gave them back (recycle). */
const SPARE_MAX = 3;
/** A read gets at least this much room (the unix socket holds ~200 KiB at a time). */
const MIN_READ = 512 * 1024;
/** Held before the reader starts; then the socket waits (a reader's header check sees at most this
 *  much at once). */
const EARLY_MAX = 256 * 1024;
/** The status line and headers; an error's JSON body. */
const MAX_HEAD = 64 * 1024;

export interface RawTarget {
  path?: string;
  host?: string;
  port?: number;
}

/** Resolves once the engine answered 200 (null: it chunks after all; use node:http instead). */
export function openRawArchive(target: RawTarget, urlPath: string): Promise<ArchiveSource | null> {
  return new Promise((resolve, reject) => {
    let slab: Buffer = Buffer.allocUnsafe(SLAB);
    let used = 0;
    /** Slabs read full, their pieces handed out; and slabs free again (recycle()). */
    const retired: Buffer[] = [];
    const spare: Buffer[] = [];
    let head: Buffer | null = Buffer.alloc(0);
    let status = 0;
    let errorBody: Buffer[] | null = null;
    let handlers: ArchiveHandlers | null = null;
    const early: Buffer[] = [];
    let earlyBytes = 0;
    let ended = false;
    let failure: Error | null = null;

    const onPiece = (piece: Buffer): boolean => {
      if (errorBody) {
        if (errorBody.reduce((n, b) => n + b.length, 0) < MAX_HEAD) errorBody.push(Buffer.from(piece));
        return true;
      }
      if (head) return onHead(piece);
      if (handlers) return handlers.data(piece);
      // Not started yet: held, and the socket paused once EARLY_MAX is held (start resumes it).
      early.push(piece);
      earlyBytes += piece.length;
      return earlyBytes < EARLY_MAX;
    };
    const onHead = (piece: Buffer): boolean => {
      const h = head ? Buffer.concat([head, piece]) : piece;
      const end = h.indexOf('\r\n\r\n');
      if (end < 0) {
        if (h.length > MAX_HEAD) fail(new Error('the engine sent no end of headers'));
        head = h;
        return true;
      }
      head = null;
      const text = h.subarray(0, end).toString('latin1');
      status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      const rest = h.subarray(end + 4);
      if (status !== 200) {
        errorBody = [Buffer.from(rest)];
        return true;
      }
      if (/\r\ntransfer-encoding:/i.test(text)) {
        sock.destroy();
        resolve(null);
        return false;
      }
      if (rest.length) {
        early.push(rest);
        earlyBytes += rest.length;
      }
      source.stat = /\r\nx-docker-container-path-stat: *([^\r]*)/i.exec(text)?.[1];
      resolve(source);
      return true;
    };
    const fail = (e: Error): void => {
      failure ??= e;
      sock.destroy();
      reject(e);
      handlers?.error(e);
    };

    const sock: Socket = connect({
      ...target,
      onread: {
        buffer: () => {
          if (slab.length - used < MIN_READ) {
            retired.push(slab);
            slab = spare.pop() ?? Buffer.allocUnsafe(SLAB);
            used = 0;
          }
          return slab.subarray(used);
        },
        callback: (n: number, buf: Uint8Array) => {
          used += n;
          return onPiece(Buffer.from(buf.buffer, buf.byteOffset, n));
        },
      },
    } as unknown as Parameters<typeof connect>[0]);
    sock.on('error', (e) => fail(e));
    sock.on('end', () => {
      if (errorBody) return fail(engineError(status, Buffer.concat(errorBody)));
      if (head) return fail(new Error('the engine closed the connection before answering'));
      ended = true;
      handlers?.end();
    });
    const host = target.path ? 'docker' : `${target.host}:${target.port}`;
    sock.write(`GET ${urlPath} HTTP/1.0\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

    const source: ArchiveSource = {
      start(h) {
        handlers = h;
        let more = true;
        for (const b of early.splice(0)) more = h.data(b) && more;
        if (failure) h.error(failure);
        else if (ended) h.end();
        else if (!more) sock.pause();
        else sock.resume();
      },
      pause: () => sock.pause(),
      resume: () => sock.resume(),
      destroy: () => sock.destroy(),
      recycle: () => {
        for (const s of retired.splice(0)) if (spare.length < SPARE_MAX) spare.push(s);
      },
    };
  });
}
