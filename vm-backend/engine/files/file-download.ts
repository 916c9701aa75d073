// A path of a container or volume as a download: a file as its own bytes (cut out of the engine's
// archive as it streams: file-download-one.ts), a folder as a .tar whose every entry was checked
// (tar-safety.ts). Never buffered: the engine's stream is paused while the receiver is slower.
import { PassThrough, type Readable } from 'node:stream';
import { extract, pack } from 'tar-stream';
import type { FileOwner } from '../../api/contract.files';
import { baseName, parentOf, resolveLink } from '../../api/rules/file-paths';
import type { EngineSession } from '../session';
import { copyFailed, fileError } from './file-errors';
import type { ArchiveSource } from './archive-source';
import { openArchive } from './engine-archive';
import { fileStreamFrom, openFileStream } from './file-download-one';
import { openOwner } from './file-owner';
import { kindOfGoMode, parseStatHeader, statPath } from './file-stat';
import { safeEntryName, safeLinkTarget } from './tar-safety';

export interface Download {
  /** The name to save as (a folder's with .tar). */
  name: string;
  size?: number;
  contentType: string;
  stream: Readable;
  /** The receiver is done with every piece the stream gave it (file-transfer.ts says so once they
   *  are all written to its socket and none wait in the stream): their memory may be reused. */
  recycle?(): void;
}

/** Links followed before a download gives up (a loop of links). */
const MAX_LINKS = 8;

export async function openDownload(
  session: EngineSession,
  owner: FileOwner,
  path: string,
  links = 0,
): Promise<Download> {
  const endpoint = session.conn.endpoint;
  if (owner.kind === 'container') {
    const direct = await openContainerFile(session, owner.id, path).catch((err: unknown) => {
      throw fileError(err, owner, path, endpoint);
    });
    if (direct) return direct;
  }
  const o = await openOwner(session, owner);
  const docker = session.client();
  const full = `${o.prefix}${path === '/' && o.prefix ? '' : path}` || '/';
  let released: Promise<void> | null = null;
  const release = (): Promise<void> => {
    released ??= o.release().catch(() => {});
    return released;
  };
  try {
    const st = await statPath(docker, o.id, full);
    if (st.kind === 'link' && st.linkTarget && links < MAX_LINKS) {
      // A link downloads what it points at (docker cp -L), resolved inside the container or volume.
      void release();
      return await openDownload(session, owner, resolveLink(parentOf(path), st.linkTarget), links + 1);
    }
    if (st.kind !== 'dir') {
      const f = await openFileStream(session, o.id, full, path, release);
      return {
        name: baseName(path) || 'file',
        size: f.size,
        contentType: 'application/octet-stream',
        stream: f.stream,
      };
    }
    const abort = new AbortController();
    const res = (await docker
      .getContainer(o.id)
      .getArchive({ path: full, abortSignal: abort.signal })) as unknown as Readable;
    const out = new PassThrough({ highWaterMark: 1024 * 1024 });
    const ex = extract();
    const fail = (err: unknown): void => {
      abort.abort();
      out.destroy(err instanceof Error ? err : copyFailed(path, String(err)));
    };
    out.on('close', () => {
      abort.abort();
      res.destroy();
      void release();
    });
    res.on('error', (e) => fail(copyFailed(path, String((e as Error).message ?? e))));
    res.on('aborted', () => fail(copyFailed(path, 'the engine closed the stream')));
    ex.on('error', (e) => fail(copyFailed(path, e.message)));
    const tar = pack();
    tar.on('error', fail);
    ex.on('entry', (h, body, next) => {
      let name: string;
      try {
        name = safeEntryName(h.name);
        safeLinkTarget(h.type, h.linkname);
      } catch (e) {
        body.resume();
        return fail(e);
      }
      const entry = tar.entry({ ...h, name }, (err) => (err ? fail(err) : next()));
      body.pipe(entry);
    });
    ex.on('finish', () => tar.finalize());
    // As a file's: the whole .tar ends once the owner (a volume's helper) is released.
    // (tar-stream's pipe always ends its destination, so the bytes are passed on by hand.)
    tar.on('data', (c) => {
      if (!out.write(c as Buffer)) tar.pause();
    });
    out.on('drain', () => tar.resume());
    tar.on('end', () => void release().then(() => out.end()));
    res.pipe(ex);
    return { name: `${baseName(path) || 'root'}.tar`, contentType: 'application/x-tar', stream: out };
  } catch (err) {
    void release();
    throw fileError(err, owner, path, endpoint);
  }
}

/** A regular file's archive, open: `full` is its path in the container (a volume's under /v). */
export interface FileSource {
  src: ArchiveSource;
  full: string;
  size: number;
  release(): Promise<void>;
}

/** A regular file's archive in one request, where `docker cp` makes two (HEAD, then GET): the
 *  archive's own stat header says what the path is. Anything else (a folder, a link): null, with
 *  the archive closed and a volume's helper removed, for the general path. Rejects with the
 *  engine's error as it came (the caller codes it). */
export async function openFileSource(
  session: EngineSession,
  owner: FileOwner,
  path: string,
): Promise<FileSource | null> {
  const api = session.status.apiVersion;
  if (!api) return null;
  const open = async (id: string, full: string, release: () => Promise<void>): Promise<FileSource | null> => {
    const src = await openArchive(session.conn, api, id, full);
    const st = parseStatHeader(src.stat);
    if (st && kindOfGoMode(st.mode) === 'file') return { src, full, size: st.size, release };
    src.destroy();
    await release();
    return null;
  };
  if (owner.kind === 'container') return open(owner.id, path, async () => {});
  const o = await openOwner(session, owner);
  let released: Promise<void> | null = null;
  const release = (): Promise<void> => (released ??= o.release().catch(() => {}));
  try {
    return await open(o.id, path === '/' ? o.prefix : `${o.prefix}${path}`, release);
  } catch (err) {
    await release();
    throw err;
  }
}

/** A container's regular file as a download, from openFileSource. */
async function openContainerFile(session: EngineSession, id: string, path: string): Promise<Download | null> {
  const f = await openFileSource(session, { kind: 'container', id }, path);
  if (!f) return null;
  const s = await fileStreamFrom(f.src, f.full, path, f.release);
  return {
    name: baseName(path) || 'file',
    size: s.size,
    contentType: 'application/octet-stream',
    stream: s.stream,
    ...(s.recycle ? { recycle: s.recycle } : {}),
  };
}
