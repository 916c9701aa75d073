// A path of a container or volume as a download: a file as its own bytes (the one entry of the
// engine's archive, streamed), a folder as a .tar whose every entry was checked (tar-safety.ts).
// Never buffered: the engine's stream is paused while the receiver is slower.
import { PassThrough, type Readable } from 'node:stream';
import { extract, pack } from 'tar-stream';
import type { FileOwner } from '../../api/contract.files';
import { baseName, parentOf, resolveLink } from '../../api/rules/file-paths';
import type { EngineSession } from '../session';
import { archiveUnsafe, copyFailed, fileError } from './file-errors';
import { openOwner } from './file-owner';
import { statPath } from './file-stat';
import { safeEntryName, safeLinkTarget } from './tar-safety';

export interface Download {
  /** The name to save as (a folder's with .tar). */
  name: string;
  size?: number;
  contentType: string;
  stream: Readable;
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
  const o = await openOwner(session, owner);
  const docker = session.client();
  const full = `${o.prefix}${path === '/' && o.prefix ? '' : path}` || '/';
  let released = false;
  const release = (): void => {
    if (!released) void o.release();
    released = true;
  };
  try {
    const st = await statPath(docker, o.id, full);
    if (st.kind === 'link' && st.linkTarget && links < MAX_LINKS) {
      // A link downloads what it points at (docker cp -L), resolved inside the container or volume.
      release();
      return await openDownload(session, owner, resolveLink(parentOf(path), st.linkTarget), links + 1);
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
      release();
    });
    res.on('error', (e) => fail(copyFailed(path, String((e as Error).message ?? e))));
    res.on('aborted', () => fail(copyFailed(path, 'the engine closed the stream')));
    ex.on('error', (e) => fail(copyFailed(path, e.message)));
    if (st.kind === 'dir') {
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
      tar.pipe(out);
      res.pipe(ex);
      return { name: `${baseName(path) || 'root'}.tar`, contentType: 'application/x-tar', stream: out };
    }
    let seen = false;
    ex.on('entry', (h, body, next) => {
      if (seen) {
        // A file's archive holds one entry: anything more is not what was asked for.
        body.resume();
        return fail(archiveUnsafe(h.name));
      }
      seen = true;
      if (safeEntryName(h.name) !== baseName(full) || (h.type !== 'file' && h.type !== 'contiguous-file')) {
        body.resume();
        return fail(archiveUnsafe(h.name));
      }
      body.on('data', (c: unknown) => {
        if (!out.write(c as Buffer)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      });
      body.on('end', () => {
        out.end();
        next();
      });
    });
    ex.on('finish', () => {
      if (!seen) fail(copyFailed(path, 'the archive was empty'));
    });
    res.pipe(ex);
    return {
      name: baseName(path) || 'file',
      size: st.size,
      contentType: 'application/octet-stream',
      stream: out,
    };
  } catch (err) {
    release();
    throw fileError(err, owner, path, endpoint);
  }
}
