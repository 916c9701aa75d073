// A path field's refusals (host:complete-path), in words a beginner can act on; the OS's words in
// detail.
import type { ErrorCode } from '../../api/error-codes';
import { WharfError } from '../../api/errors';

function bad(code: ErrorCode, message: string, hint: string, detail: string, path: string): WharfError {
  return new WharfError({ code, message, hint, detail: detail.slice(0, 500), params: { path: path.slice(0, 300) } });
}

export const pathNotAbsolute = (path: string): WharfError =>
  bad(
    'HOST_PATH_NOT_ABSOLUTE',
    `"${path}" is not a full path.`,
    'Start from the top of the disk (/home/me/app) or from your home folder (~/app).',
    JSON.stringify(path),
    path,
  );

export const pathNotFound = (path: string, detail: string): WharfError =>
  bad(
    'HOST_PATH_NOT_FOUND',
    `There is no folder ${path}.`,
    'Check the spelling, or pick a folder from the list.',
    detail,
    path,
  );

export const pathNotFolder = (path: string, detail: string): WharfError =>
  bad('HOST_PATH_NOT_FOLDER', `${path} is a file, not a folder.`, 'Choose the folder that holds it.', detail, path);

export const pathUnreadable = (path: string, detail: string): WharfError =>
  bad(
    'HOST_PATH_UNREADABLE',
    `Wharf cannot read the folder ${path}.`,
    'Check that your user may open it (its permissions), or choose another folder.',
    detail,
    path,
  );

/** The OS's error for `path` as one of the above. */
export function pathError(err: unknown, path: string): WharfError {
  const e = err as NodeJS.ErrnoException;
  const detail = `${e.code ?? 'error'}: ${e.message ?? String(err)}`;
  if (e.code === 'ENOENT') return pathNotFound(path, detail);
  if (e.code === 'ENOTDIR') return pathNotFolder(path, detail);
  return pathUnreadable(path, detail);
}

export const pathUnwritable = (path: string, detail: string): WharfError =>
  bad(
    'HOST_PATH_UNWRITABLE',
    `Wharf cannot write into the folder ${path}.`,
    'Check that your user may write there (its permissions, a read-only disk), or choose another folder.',
    detail,
    path,
  );

export const hostDiskFull = (path: string, detail: string): WharfError =>
  bad(
    'HOST_DISK_FULL',
    `The disk that holds ${path} is full.`,
    'Free some space on this computer, or save to a folder on another disk.',
    detail,
    path,
  );

/** A write into `folder` that failed, as one of the above. */
export function writeError(err: unknown, folder: string): WharfError {
  const e = err as NodeJS.ErrnoException;
  const detail = `${e.code ?? 'error'}: ${e.message ?? String(err)}`;
  if (e.code === 'ENOSPC' || e.code === 'EDQUOT') return hostDiskFull(folder, detail);
  if (e.code === 'ENOENT') return pathNotFound(folder, detail);
  return pathUnwritable(folder, detail);
}

/** A file of this machine to read (files:copy-in) that is missing, or is not a regular file. */
export function fileReadError(err: unknown, path: string): WharfError {
  const e = err as NodeJS.ErrnoException;
  const detail = `${e.code ?? 'error'}: ${e.message ?? String(err)}`;
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR')
    return bad('HOST_FILE_NOT_FOUND', `There is no file ${path}.`, 'Pick the file again.', detail, path);
  if (e.code === 'EISDIR') return bad('HOST_PATH_NOT_FILE', `${path} is not a file.`, 'Pick a file.', detail, path);
  return pathUnreadable(path, detail);
}
