// files:list, files:stat, files:diff and files:delete on the scope's engine.
import type { FileChange, FileEntry, FileListing, FileOwner } from '../../api/contract.files';
import { normalisePath } from '../../api/rules/file-paths';
import type { EngineSession } from '../session';
import { fileError, fileNotFound, filePermission } from './file-errors';
import { listByArchive, listByExec } from './file-list';
import { containerChanges, listStoppedByImage } from './file-list-stopped';
import { withOwner } from './file-owner';
import { statPath } from './file-stat';
import { deleteInVolume } from './file-volume-delete';

const inOwner = (prefix: string, path: string): string =>
  prefix ? (path === '/' ? prefix : `${prefix}${path}`) : path;

export async function listFiles(session: EngineSession, owner: FileOwner, rawPath: string): Promise<FileListing> {
  const path = normalisePath(rawPath);
  return withOwner(session, owner, async (o) => {
    const docker = session.client();
    const full = inOwner(o.prefix, path);
    try {
      const st = await statPath(docker, o.id, full);
      if (st.kind !== 'dir') throw fileNotFound(path, 'not a folder');
      if (o.running) {
        const byExec = await listByExec(docker, o.id, full).catch(() => null);
        if (byExec) return { path, entries: byExec, via: 'exec' };
      } else if (o.image && !o.prefix) {
        const byImage = await listStoppedByImage(docker, { id: o.id, image: o.image, mounts: o.mounts ?? [] }, full);
        if (byImage) return { path, entries: byImage, via: 'image' };
      }
      return { path, entries: await listByArchive(docker, o.id, full), via: 'archive' };
    } catch (err) {
      throw fileError(err, owner, path, session.conn.endpoint);
    }
  });
}

export async function statFile(session: EngineSession, owner: FileOwner, rawPath: string): Promise<FileEntry> {
  const path = normalisePath(rawPath);
  return withOwner(session, owner, async (o) => {
    try {
      return await statPath(session.client(), o.id, inOwner(o.prefix, path));
    } catch (err) {
      throw fileError(err, owner, path, session.conn.endpoint);
    }
  });
}

const CHANGE_KIND: Record<number, FileChange['kind']> = { 0: 'changed', 1: 'added', 2: 'deleted' };

/** `docker diff`: the container's changes since its image. */
export async function diffContainer(session: EngineSession, id: string): Promise<FileChange[]> {
  try {
    const changes = await containerChanges(session.client(), id);
    return changes.map((c) => ({ path: c.Path, kind: CHANGE_KIND[c.Kind] ?? 'changed' }));
  } catch (err) {
    throw fileError(err, { kind: 'container', id }, '/', session.conn.endpoint);
  }
}

/** Deletes a path with `rm -rf`: by exec in a running container, by a short-lived helper in a
 *  volume (file-volume-delete.ts); the archive API cannot delete. */
export async function deleteFile(
  session: EngineSession,
  owner: FileOwner,
  rawPath: string,
): Promise<{ deleted: string }> {
  const path = normalisePath(rawPath);
  if (path === '/') throw filePermission(path, 'refusing to delete /');
  if (owner.kind === 'volume') {
    try {
      await deleteInVolume(session, owner.name, path);
      return { deleted: path };
    } catch (err) {
      throw fileError(err, owner, path, session.conn.endpoint);
    }
  }
  return withOwner(session, owner, async (o) => {
    const docker = session.client();
    const full = inOwner(o.prefix, path);
    try {
      await statPath(docker, o.id, full);
      if (!o.running) throw filePermission(path, 'the container is not running: nothing can delete inside it');
      const exec = await docker
        .getContainer(o.id)
        .exec({ Cmd: ['rm', '-rf', '--', full], AttachStdout: true, AttachStderr: true });
      const stream = await exec.start({ hijack: true, stdin: false });
      const err: Buffer[] = [];
      await new Promise<void>((resolve) => {
        stream.on('data', (c: Buffer) => err.push(c));
        stream.on('end', resolve);
        stream.on('close', resolve);
      });
      const info = await exec.inspect();
      if (info.ExitCode !== 0)
        throw filePermission(
          path,
          Buffer.concat(err)
            .toString('utf8')
            .replace(/[\0-\x08]/g, ''),
        );
      return { deleted: path };
    } catch (err) {
      throw fileError(err, owner, path, session.conn.endpoint);
    }
  });
}
