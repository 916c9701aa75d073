// files:save: `docker cp CONTAINER:PATH FOLDER` done by the backend. The download's stream (a file
// cut out of the engine's archive as it arrives, a folder as a checked .tar: file-download.ts) is
// written straight into a part file in the chosen folder, which takes its name once the whole
// arrived (host-save-place.ts). Two processes move the bytes, the engine and this one, as with
// `docker cp`; the browser's download (GET /files/transfer) adds the browser as a third.
// Progress goes out every PROGRESS_MS; a cancel or an error removes the part file.
import { unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { CopyProgress, FileOwner } from '../../api/contract.files';
import { WharfError } from '../../api/errors';
import { normalisePath } from '../../api/rules/file-paths';
import { writeError } from '../host-paths/host-paths-errors';
import type { EngineSession } from '../session';
import { openDownload } from './file-download';
import { checkRoom, hostSafeName, openPart, placePart, saveFolder } from './host-save-place';

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
  const d = await openDownload(session, req.owner, path);
  total = d.size;
  const onAbort = (): void => void d.stream.destroy(new Cancelled('cancelled'));
  let part: Awaited<ReturnType<typeof openPart>> | null = null;
  try {
    await checkRoom(folder, d.size);
    part = await openPart(folder);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    report(progress('running'));
    let last = Date.now();
    const out = part.handle.createWriteStream();
    // Counted beside the pipe, attached in the same turn, so no piece flows past either.
    const written = pipeline(d.stream, out);
    d.stream.on('data', (c: Buffer) => {
      bytes += c.length;
      const now = Date.now();
      if (now - last >= PROGRESS_MS) {
        last = now;
        report(progress('running'));
      }
    });
    await written;
    const name = req.name ?? hostSafeName(d.name);
    const savedAs = await placePart(part.path, folder, name, req.replace);
    part = null;
    const done = progress('done', savedAs);
    report(done);
    return done;
  } catch (err) {
    d.stream.destroy();
    if (signal.aborted || err instanceof Cancelled) {
      const cancelled = progress('cancelled');
      report(cancelled);
      return cancelled;
    }
    report(progress('failed'));
    throw err instanceof WharfError ? err : writeError(err, folder);
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (part) {
      await part.handle.close().catch(() => {});
      await unlink(part.path).catch(() => {});
    }
  }
}
