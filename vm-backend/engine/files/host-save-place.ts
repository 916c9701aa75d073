// Where files:save puts a file on this machine: into the folder the user chose (checked; its real
// path), under a name that is one segment the host's file system takes. The bytes go to a hidden
// part file beside it first, so a copy cut short never leaves something that looks whole; at the
// end the part file takes the name: linked in without replacing anything (a taken name becomes
// `name (1).ext`, as a browser does), or renamed over it when the user's save dialog asked to.
// Nothing is written outside the folder: the name has no separator, and a link of that name is
// replaced, never followed.
import { randomBytes } from 'node:crypto';
import { type FileHandle, link, lstat, open, realpath, rename, stat, statfs, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { WharfError } from '../../api/errors';
import { expandPath } from '../host-paths/host-paths-calls';
import { hostDiskFull, pathError, pathNotFolder, writeError } from '../host-paths/host-paths-errors';

/** A name the host takes: control characters and separators (and on Windows its reserved
 *  characters and names) become `_`; at most 255 bytes, the extension kept. */
export function hostSafeName(name: string, platform: string = process.platform): string {
  let n = name.replace(/[\u0000-\u001f\u007f/]/g, '_');
  if (platform === 'win32') {
    n = n.replace(/[<>:"|?*\\]/g, '_').replace(/[. ]+$/, '');
    if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(n)) n = `_${n}`;
  }
  if (!n || n === '.' || n === '..') n = 'download';
  const ext = extname(n).length <= 16 ? extname(n) : '';
  let stem = n.slice(0, n.length - ext.length);
  while (Buffer.byteLength(stem + ext) > 255) stem = [...stem].slice(0, -1).join('');
  return stem + ext;
}

/** `name`, then `name (1).ext`, `name (2).ext`, … for n = 0, 1, 2. */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

/** The folder's real path; HOST_PATH_* when it is not a folder this user can see. */
export async function saveFolder(input: string, home: string = homedir()): Promise<string> {
  const folder = expandPath(input, home);
  try {
    const real = await realpath(folder);
    if (!(await stat(real)).isDirectory()) throw pathNotFolder(folder, 'ENOTDIR');
    return real;
  } catch (err) {
    if (err instanceof WharfError) throw err;
    throw pathError(err, folder);
  }
}

/** HOST_DISK_FULL up front when the folder's disk has less room than `size` (a 20 GB file). */
export async function checkRoom(folder: string, size: number | undefined): Promise<void> {
  if (size === undefined) return;
  const fs = await statfs(folder).catch(() => null);
  if (!fs) return;
  const free = fs.bavail * fs.bsize;
  if (free < size) throw hostDiskFull(folder, `${size} bytes to write, ${free} free`);
}

export interface PartFile {
  path: string;
  handle: FileHandle;
}

/** A new hidden file in `folder` (never an existing one, never through a link). */
export async function openPart(folder: string): Promise<PartFile> {
  const path = join(folder, `.wharf-copy-${randomBytes(6).toString('hex')}.part`);
  try {
    return { path, handle: await open(path, 'wx', 0o666) };
  } catch (err) {
    throw writeError(err, folder);
  }
}

/** No hard links on this file system (FAT, some network shares): checked, then renamed. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

/** Gives the part file its name; the full path it got. */
export async function placePart(part: string, folder: string, name: string, replace: boolean): Promise<string> {
  try {
    if (replace) {
      const to = join(folder, name);
      if (dirname(to) !== folder) throw new Error(`${name} is not a name in ${folder}`);
      await rename(part, to);
      return to;
    }
    for (let n = 0; n < 1000; n++) {
      const to = join(folder, numberedName(name, n));
      if (dirname(to) !== folder) throw new Error(`${name} is not a name in ${folder}`);
      try {
        await link(part, to);
        await unlink(part);
        return to;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') continue;
        if (!NO_LINKS.has(code)) throw err;
        if (
          await lstat(to).then(
            () => true,
            () => false,
          )
        )
          continue;
        await rename(part, to);
        return to;
      }
    }
    throw new Error(`no free name like ${name} in ${folder}`);
  } catch (err) {
    if (err instanceof WharfError) throw err;
    throw writeError(err, folder);
  }
}
