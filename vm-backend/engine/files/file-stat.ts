// HEAD /containers/{id}/archive?path=: one path's stat, from the X-Docker-Container-Path-Stat header.
import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import type { FileEntry, FileKind } from '../../api/contract.files';

/** Whether bit `n` of Go's os.FileMode is set (the type bits are above 2^31's reach of `&`). */
const bit = (mode: number, n: number): boolean => Math.floor(mode / 2 ** n) % 2 === 1;

/** ModeDir 31, ModeSymlink 27; device 26, named pipe 25, socket 24, char device 21, irregular 19. */
export function kindOfGoMode(mode: number): FileKind {
  if (bit(mode, 31)) return 'dir';
  if (bit(mode, 27)) return 'link';
  if ([26, 25, 24, 21, 19].some((n) => bit(mode, n))) return 'other';
  return 'file';
}

export interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

export function parseStatHeader(value: string | undefined): PathStat | null {
  if (!value) return null;
  try {
    const s = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as PathStat;
    return typeof s.name === 'string' && typeof s.mode === 'number' ? s : null;
  } catch {
    return null;
  }
}

export function entryFromStat(s: PathStat): FileEntry {
  const mtime = Date.parse(s.mtime);
  return {
    name: s.name,
    kind: kindOfGoMode(s.mode),
    size: s.size,
    mtime: Number.isFinite(mtime) ? mtime : 0,
    mode: s.mode % 0o10000,
    ...(s.linkTarget ? { linkTarget: s.linkTarget } : {}),
  };
}

/** The stat of `path` in container `id`; rejects like dockerode (statusCode, json) on 404. */
export async function statPath(docker: Docker, id: string, path: string): Promise<FileEntry> {
  const res = (await docker.getContainer(id).infoArchive({ path })) as unknown as IncomingMessage;
  res.resume();
  const s = parseStatHeader(res.headers['x-docker-container-path-stat'] as string | undefined);
  if (!s) throw Object.assign(new Error('no stat header'), { statusCode: 500, json: { message: 'no stat header' } });
  return entryFromStat(s);
}
