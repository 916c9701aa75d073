// One folder's entries, without reading its subtree where it can be helped. A running container
// with `stat` lists one level by exec (`stat -c` over the folder's names); otherwise (stopped, a
// volume's helper, no `stat` in the image) the archive of the folder is read for its headers only,
// file bodies skipped as they stream by.
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { extract } from 'tar-stream';
import type { FileEntry, FileKind } from '../../api/contract.files';
import { Demuxer } from '../streams/demux';
import { statPath } from './file-stat';

/** More entries than this in one folder: the listing stops and says so (a cap, not a failure). */
export const MAX_ENTRIES = 100_000;
const STAT_FORMAT = '%s\t%Y\t%f\t%n';
// cd into the folder, then stat every name (globs that match nothing stay literal and fail quietly).
// No `stat` (or no folder) exits non-zero, and the archive is read instead.
export const LIST_SCRIPT = `command -v stat >/dev/null || exit 127; cd -- "$1" || exit 3; stat -c '${STAT_FORMAT}' -- * .[!.]* ..?* 2>/dev/null; exit 0`;
const RECORD = /^(\d+)\t(\d+)\t([0-9a-f]+)\t/;

function kindOfUnixMode(mode: number): FileKind {
  const fmt = mode & 0o170000;
  if (fmt === 0o040000) return 'dir';
  if (fmt === 0o120000) return 'link';
  if (fmt === 0o100000) return 'file';
  return 'other';
}

/** `stat -c` output into entries; a name holding a line break continues on the next line. */
export function parseStatLines(text: string): FileEntry[] {
  const out: FileEntry[] = [];
  for (const line of text.split('\n')) {
    const m = RECORD.exec(line);
    const last = out[out.length - 1];
    if (!m) {
      if (last && line !== '') last.name += `\n${line}`;
      else if (last && line === '') last.name += '\n';
      continue;
    }
    const mode = Number.parseInt(m[3] ?? '0', 16);
    out.push({
      name: line.slice(m[0].length),
      kind: kindOfUnixMode(mode),
      size: Number(m[1]),
      mtime: Number(m[2]) * 1000,
      mode: mode & 0o7777,
    });
  }
  // The text ends with a newline: the last record got an empty continuation.
  for (const e of out) e.name = e.name.replace(/\n+$/, '');
  return out;
}

/** Lists `dir` by exec in a running container; null when the image has no `stat` (or no shell). */
export async function listByExec(docker: Docker, id: string, dir: string): Promise<FileEntry[] | null> {
  const exec = await docker.getContainer(id).exec({
    Cmd: ['sh', '-c', LIST_SCRIPT, 'wharf-ls', dir],
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
  });
  const stream = (await exec.start({ hijack: true, stdin: false })) as unknown as Readable;
  const chunks: Buffer[] = [];
  const demux = new Demuxer(false, (kind, data) => {
    if (kind === 'stdout') chunks.push(data);
  });
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (c: Buffer) => demux.push(c));
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  const info = await exec.inspect();
  if (info.ExitCode !== 0) return null;
  const entries = parseStatLines(Buffer.concat(chunks).toString('utf8'));
  await listedLinkTargets(docker, id, dir, entries);
  return entries;
}

/** Link targets of listed entries: one HEAD each, for the links only (the first 256). */
export async function listedLinkTargets(docker: Docker, id: string, dir: string, entries: FileEntry[]): Promise<void> {
  await Promise.all(
    entries
      .filter((e) => e.kind === 'link' && !e.linkTarget)
      .slice(0, 256)
      .map(async (e) => {
        const s = await statPath(docker, id, dir === '/' ? `/${e.name}` : `${dir}/${e.name}`).catch(() => null);
        if (s?.linkTarget) e.linkTarget = s.linkTarget;
      }),
  );
}

/** Relative path of a tar entry under the archived folder ('' for the folder itself). */
export function relativeName(entryName: string, archivedRoot: boolean): string {
  const clean = entryName.replace(/^\/+/, '').replace(/\/+$/, '');
  if (archivedRoot) return clean;
  const at = clean.indexOf('/');
  return at < 0 ? '' : clean.slice(at + 1);
}

function kindOfTar(type: string | null | undefined): FileKind {
  if (type === 'directory') return 'dir';
  if (type === 'symlink') return 'link';
  if (type === 'file' || type === 'contiguous-file' || type === 'link') return 'file';
  return 'other';
}

/** Lists `dir` from its archive's headers; bodies are drained, never kept. */
export async function listByArchive(docker: Docker, id: string, dir: string): Promise<FileEntry[]> {
  const abort = new AbortController();
  const res = (await docker
    .getContainer(id)
    .getArchive({ path: dir, abortSignal: abort.signal })) as unknown as Readable;
  const entries: FileEntry[] = [];
  const ex = extract();
  const root = dir === '/';
  await new Promise<void>((resolve, reject) => {
    ex.on('entry', (h, body, next) => {
      const rel = relativeName(h.name, root);
      if (rel && !rel.includes('/') && entries.length < MAX_ENTRIES) {
        entries.push({
          name: rel,
          kind: kindOfTar(h.type),
          size: h.type === 'file' ? (h.size ?? 0) : 0,
          mtime: h.mtime ? h.mtime.getTime() : 0,
          mode: (h.mode ?? 0) & 0o7777,
          ...(h.type === 'symlink' && h.linkname ? { linkTarget: h.linkname } : {}),
        });
      }
      body.on('end', next);
      body.resume();
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
    res.on('error', reject);
    res.pipe(ex);
  }).finally(() => abort.abort());
  return entries;
}
