// A file's download: the engine's archive of it, the file cut out as it streams (one-file-tar.ts),
// into a Readable that holds at most 8 MiB; beyond that the engine's socket is paused until the
// receiver reads on. Destroying the stream (the receiver went away) closes the engine's stream and
// releases the owner (a volume's helper). A whole download ends once the owner is released, so
// whoever sees it end finds the helper gone.
import { Readable } from 'node:stream';
import { baseName } from '../../api/rules/file-paths';
import type { EngineSession } from '../session';
import type { ArchiveSource } from './archive-source';
import { openArchive } from './engine-archive';
import { copyFailed } from './file-errors';
import { OneFileTar } from './one-file-tar';

/** Bytes held between the engine and the receiver: enough for the two to run at once. */
const HELD = 8 * 1024 * 1024;

/** `full`: the path in the container (a volume's under its helper's /v); `path`: shown in errors. */
export async function openFileStream(
  session: EngineSession,
  id: string,
  full: string,
  path: string,
  release: () => Promise<void>,
): Promise<{ size: number; stream: Readable }> {
  const api = session.status.apiVersion;
  if (!api) throw copyFailed(path, 'the engine is not ready');
  return fileStreamFrom(await openArchive(session.conn, api, id, full), full, path, release);
}

/** The same, from an archive already open (its stat header said: a regular file). */
export async function fileStreamFrom(
  src: ArchiveSource,
  full: string,
  path: string,
  release: () => Promise<void>,
): Promise<{ size: number; stream: Readable; recycle?: () => void }> {
  const out = new Readable({
    highWaterMark: HELD,
    read: () => src.resume(),
    destroy: (err, cb) => {
      src.destroy();
      void release();
      cb(err);
    },
  });
  const tar = new OneFileTar(baseName(full), path, {
    content: (b) => out.push(b),
    end: () => out.push(null),
    fail: (e) => out.destroy(e),
  });
  src.start({
    data: (b) => tar.write(b),
    end: () => void release().then(() => tar.end()),
    error: (e) => tar.fail(copyFailed(path, e.message)),
  });
  try {
    const size = await tar.header;
    return src.recycle ? { size, stream: out, recycle: () => src.recycle?.() } : { size, stream: out };
  } catch (err) {
    out.destroy();
    throw err;
  }
}
