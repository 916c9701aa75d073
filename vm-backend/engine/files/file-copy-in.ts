// files:copy-in: `docker cp FILE CONTAINER:DIR` done by the backend, for the desktop app (its page,
// on wharf://app/, has no HTTP endpoint to stream a picked file to). The host file is read as a
// stream into the same one-entry tar upload as web mode's (file-upload.ts), with progress every
// PROGRESS_MS; a cancel or a closed window stops the read and the engine's request.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename } from 'node:path';
import { pipeline, Transform } from 'node:stream';
import type { CopyProgress, FileOwner } from '../../api/contract.files';
import { joinPath, normalisePath } from '../../api/rules/file-paths';
import { expandPath } from '../host-paths/host-paths-calls';
import { fileReadError } from '../host-paths/host-paths-errors';
import type { EngineSession } from '../session';
import { uploadFile } from './file-upload';

const PROGRESS_MS = 250;

export interface CopyInRequest {
  owner: FileOwner;
  dir: string;
  copy: string;
  source: string;
}

export async function copyInFromHost(
  session: EngineSession,
  req: CopyInRequest,
  signal: AbortSignal,
  report: (p: CopyProgress) => void = () => {},
): Promise<CopyProgress> {
  const dir = normalisePath(req.dir);
  const source = expandPath(req.source, homedir());
  const name = basename(source);
  const path = joinPath(dir, name);
  let bytes = 0;
  let total: number | undefined;
  const progress = (state: CopyProgress['state']): CopyProgress => ({
    copy: req.copy,
    path,
    bytes,
    ...(total !== undefined ? { total } : {}),
    state,
    ...(state === 'done' ? { savedAs: path } : {}),
  });
  let size: number;
  try {
    const st = await stat(source);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    size = st.size;
  } catch (err) {
    throw fileReadError(err, source);
  }
  total = size;
  if (signal.aborted) return progress('cancelled');
  const body = createReadStream(source, { highWaterMark: 1024 * 1024 });
  let failedToRead: unknown = null;
  body.on('error', (e) => (failedToRead ??= e));
  const onAbort = (): void => void body.destroy(new Error('the copy was cancelled'));
  signal.addEventListener('abort', onAbort, { once: true });
  let last = Date.now();
  // Counted on the way (a 'data' listener on the file itself would start it flowing before the
  // upload reads); a read error or a cancel destroys the counted stream too.
  const counted = pipeline(
    body,
    new Transform({
      transform(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        const now = Date.now();
        if (now - last >= PROGRESS_MS) {
          last = now;
          report(progress('running'));
        }
        cb(null, chunk);
      },
    }),
    () => {},
  );
  report(progress('running'));
  try {
    await uploadFile(session, req.owner, dir, name, size, counted);
    const done = progress('done');
    report(done);
    return done;
  } catch (err) {
    if (signal.aborted) {
      const cancelled = progress('cancelled');
      report(cancelled);
      return cancelled;
    }
    report(progress('failed'));
    if (failedToRead && (failedToRead as NodeJS.ErrnoException).code) throw fileReadError(failedToRead, source);
    throw err;
  } finally {
    signal.removeEventListener('abort', onAbort);
    body.destroy();
    counted.destroy();
  }
}
