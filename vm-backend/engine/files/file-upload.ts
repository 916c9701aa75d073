// Upload one file into a folder of a container or volume: the bytes are wrapped into a one-entry
// tar as they arrive (tar-stream) and sent with PUT /containers/{id}/archive. Never buffered.
import { PassThrough, type Readable } from 'node:stream';
import { pack } from 'tar-stream';
import type { FileOwner } from '../../api/contract.files';
import { joinPath, nameProblem } from '../../api/rules/file-paths';
import type { EngineSession } from '../session';
import { copyFailed, fileError, fileNotFound, fileTooLarge, pathInvalid } from './file-errors';
import { withOwner } from './file-owner';
import { statPath } from './file-stat';

/** Larger than this in one upload is refused before a byte is sent (a 20 GB file, say). */
export const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;

export async function uploadFile(
  session: EngineSession,
  owner: FileOwner,
  dir: string,
  name: string,
  size: number,
  body: Readable,
): Promise<{ path: string }> {
  const why = nameProblem(name);
  if (why) throw pathInvalid(name, why);
  if (!Number.isSafeInteger(size) || size < 0) throw pathInvalid(name, 'no valid size');
  if (size > MAX_UPLOAD_BYTES) throw fileTooLarge(size, MAX_UPLOAD_BYTES);
  const endpoint = session.conn.endpoint;
  return withOwner(session, owner, async (o) => {
    const docker = session.client();
    const full = o.prefix ? (dir === '/' ? o.prefix : `${o.prefix}${dir}`) : dir;
    try {
      const st = await statPath(docker, o.id, full);
      if (st.kind !== 'dir') throw fileNotFound(dir, 'not a folder');
      const tar = pack();
      const entry = tar.entry({ name, size, mode: 0o644, mtime: new Date(), type: 'file' }, (err) => {
        if (!err) tar.finalize();
      });
      let got = 0;
      const sent = new Promise<void>((resolve, reject) => {
        body.on('data', (c: Buffer) => {
          got += c.length;
          if (got > size) return reject(copyFailed(joinPath(dir, name), 'more bytes than announced'));
          if (!entry.write(c)) {
            body.pause();
            entry.once('drain', () => body.resume());
          }
        });
        body.on('end', () => {
          if (got !== size) return reject(copyFailed(joinPath(dir, name), `got ${got} of ${size} bytes`));
          entry.end(() => {});
          resolve();
        });
        body.on('error', (e) => reject(copyFailed(joinPath(dir, name), e.message)));
        body.on('aborted', () => reject(copyFailed(joinPath(dir, name), 'the upload was cancelled')));
      });
      const through = new PassThrough();
      tar.pipe(through);
      const put = docker.getContainer(o.id).putArchive(through, { path: full, noOverwriteDirNonDir: 'true' });
      try {
        await sent;
      } catch (e) {
        tar.destroy(e as Error);
        through.destroy(e as Error);
        await put.catch(() => {});
        throw e;
      }
      await put;
      return { path: joinPath(dir, name) };
    } catch (err) {
      throw fileError(err, owner, joinPath(dir, name), endpoint);
    }
  });
}
