// The files domain's coded errors; the engine's own words in detail.
import { WharfError } from '../../api/errors';
import { readFailure, toWharfError } from '../errors';
import { volumeError } from '../volumes/volume-errors';
import type { FileOwner } from '../../api/contract.files';

export const fileNotFound = (path: string, detail: string): WharfError =>
  new WharfError({
    code: 'FILE_NOT_FOUND',
    message: `There is nothing at ${path}.`,
    hint: 'It may have been removed or renamed. Go up a folder and look again.',
    detail,
    params: { path },
  });

export const filePermission = (path: string, detail: string): WharfError =>
  new WharfError({
    code: 'FILE_PERMISSION',
    message: `The engine may not read or write ${path}.`,
    hint: 'The file belongs to another user or is read-only in the container.',
    detail,
    params: { path },
  });

export const pathInvalid = (path: string, why: string): WharfError =>
  new WharfError({
    code: 'FILE_PATH_INVALID',
    message: `The path ${JSON.stringify(path).slice(1, -1)} is not allowed here.`,
    hint: "Use a path inside the folder you chose, without '..' or line breaks.",
    detail: why,
    params: { path: JSON.stringify(path).slice(1, -1) },
  });

export const archiveUnsafe = (entry: string): WharfError =>
  new WharfError({
    code: 'FILE_ARCHIVE_UNSAFE',
    message: `The archive from the engine has an entry that points outside the folder: ${entry}.`,
    hint: 'Nothing was written. Such an entry could overwrite files elsewhere ("zip slip").',
    detail: `tar entry ${JSON.stringify(entry)}`,
    params: { entry: JSON.stringify(entry).slice(1, -1) },
  });

export const fileTooLarge = (size: number, max: number): WharfError =>
  new WharfError({
    code: 'FILE_TOO_LARGE',
    message: `The file is too large to copy here (${size} bytes).`,
    hint: 'Copy it with the docker cp command shown, or make room first.',
    detail: `limit ${max} bytes`,
    params: { size },
  });

export const copyFailed = (path: string, detail: string): WharfError =>
  new WharfError({
    code: 'FILE_COPY_FAILED',
    message: `The copy of ${path} stopped before the end.`,
    hint: 'The container or volume may have been removed, or the copy cancelled. A download cut short is not saved; an upload cut short may have left part of the file: look in the folder.',
    detail,
    params: { path },
  });

export const noHelperImage = (): WharfError =>
  new WharfError({
    code: 'FILES_NO_HELPER_IMAGE',
    message: 'The engine has no image to open the volume with.',
    hint: 'Wharf reads a volume through a container that is never started, made from any image on the engine. Pull or build one image first.',
    detail: 'GET /images/json returned no image',
  });

export const noShellImage = (tried: string[]): WharfError =>
  new WharfError({
    code: 'FILES_NO_SHELL_IMAGE',
    message: 'Nothing on the engine can delete inside the volume: no image here has a shell with rm.',
    hint: 'Wharf deletes in a volume with a short-lived container that runs rm, made from an image already on the engine (busybox, alpine, debian...). Pull or build one such image first.',
    detail: tried.length ? `images tried: ${tried.join(', ')}` : 'GET /images/json returned no image',
  });

export const diskFull = (detail: string): WharfError =>
  new WharfError({
    code: 'ENGINE_DISK_FULL',
    message: "The engine's disk is full.",
    hint: 'Free space on the engine (remove unused images, containers or volumes) and try again.',
    detail,
  });

/** An engine failure about `path` of `owner`, in the files domain's words. */
export function fileError(err: unknown, owner: FileOwner, path: string, endpoint: string): WharfError {
  if (err instanceof WharfError) return err;
  const f = readFailure(err);
  const m = f.message;
  if (/no space left on device/i.test(m)) return diskFull(m);
  if (/permission denied|read-only file system/i.test(m) || f.status === 403) return filePermission(path, m);
  if (f.status === 404 && /no such container/i.test(m))
    return owner.kind === 'volume' ? volumeError(err, owner.name, endpoint) : toWharfError(err, { endpoint });
  if (f.status === 404 || /no such file|not found|could not find the file/i.test(m)) return fileNotFound(path, m);
  return toWharfError(err, { endpoint, subject: path });
}
