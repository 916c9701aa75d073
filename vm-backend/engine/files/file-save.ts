// files:save: `docker cp CONTAINER:PATH FOLDER` done by the backend. A regular file is written
// straight from the engine's archive into a part file in the chosen folder (file-write-direct.ts:
// the file cut out as it arrives, one request to the engine where docker cp makes two); a folder
// (as a checked .tar) or a link goes through the download's stream (file-download.ts). The part
// file takes its name once the whole arrived (host-save-place.ts). Two processes move the bytes,
// the engine and this one, as with `docker cp`; the browser's download (GET /files/transfer) adds
// the browser as a third. Progress goes out every PROGRESS_MS; a cancel or an error removes the
// part file.
import { unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { CopyProgress, FileOwner } from '../../api/contract.files';
import { WharfError } from '../../api/errors';
import { baseName, normalisePath } from '../../api/rules/file-paths';
import { writeError } from '../host-paths/host-paths-errors';
import type { EngineSession } from '../session';
import { openDownload, openFileSource } from './file-download';
import { fileError } from './file-errors';
import { WriteFailed, writeArchiveFile } from './file-write-direct';
import { checkRoom, hostSafeName, openPart, type PartFile, placePart, saveFolder } from './host-save-place';

const PROGRESS_MS = 250;

export interface SaveRequest {
  owner: FileOwner;
  path: string;
  copy: string;
  folder: string;
  name?: string | undefined;
  replace: boolean;
}

class Cancelled extends Error {}

export async function saveToHost(
  session: EngineSession,
  req: SaveRequest,
  signal: AbortSignal,
  report: (p: CopyProgress) => void = () => {},
): Promise<CopyProgress> {
  const path = normalisePath(req.path);
  let bytes = 0;
  let total: number | undefined;
  const progress = (state: CopyProgress['state'], savedAs?: string): CopyProgress => ({
    copy: req.copy,
    path,
    bytes,
    ...(total !== undefined ? { total } : {}),
    state,
    ...(savedAs ? { savedAs } : {}),
  });
  if (signal.aborted) return progress('cancelled');
  const folder = await saveFolder(req.folder);
  const endpoint = session.conn.endpoint;
  // A regular file is written straight from the engine's archive (file-write-direct.ts); a folder
  // (as .tar) or a link goes through the download's stream.
  const file = await openFileSource(session, req.owner, path).catch((err: unknown) => {
    throw fileError(err, req.owner, path, endpoint);
  });
  const d = file ? null : await openDownload(session, req.owner, path);
  total = file ? file.size : d?.size;
  const cancelled = new Cancelled('cancelled');
  const onAbort = (): void => void d?.stream.destroy(cancelled);
  let part: PartFile | null = null;
  let last = Date.now();
  const counted = (n: number): void => {
    bytes = n;
    const now = Date.now();
    if (now - last >= PROGRESS_MS) {
      last = now;
      report(progress('running'));
    }
  };
  try {
    await checkRoom(folder, total);
    part = await openPart(folder);
    report(progress('running'));
    if (file) {
      await writeArchiveFile(file.src, file.full, path, part.handle, signal, counted).finally(() => file.release());
      await part.handle.close();
    } else if (d) {
      signal.addEventListener('abort', onAbort, { once: true });
      if (signal.aborted) onAbort();
      // Room for 4 MiB of writes in flight: pieces are batched into one writev while a write is
      // under way, instead of pausing the engine after each (the default holds 16 KiB).
      const out = part.handle.createWriteStream({ highWaterMark: 4 * 1024 * 1024 });
      // Counted beside the pipe, attached in the same turn, so no piece flows past either.
      const written = pipeline(d.stream, out);
      let n = 0;
      d.stream.on('data', (c: Buffer) => counted((n += c.length)));
      await written;
    }
    const name = req.name ?? hostSafeName(file ? baseName(path) || 'file' : (d?.name ?? 'download'));
    const savedAs = await placePart(part.path, folder, name, req.replace);
    part = null;
    const done = progress('done', savedAs);
    report(done);
    return done;
  } catch (err) {
    d?.stream.destroy();
    file?.src.destroy();
    await file?.release();
    if (signal.aborted || err instanceof Cancelled) {
      const c = progress('cancelled');
      report(c);
      return c;
    }
    report(progress('failed'));
    if (err instanceof WriteFailed) throw writeError(err.err, folder);
    throw err instanceof WharfError ? err : writeError(err, folder);
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (part) {
      await part.handle.close().catch(() => {});
      await unlink(part.path).catch(() => {});
    }
  }
}
