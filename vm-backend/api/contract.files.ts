// The files:* calls: a container's files (running or stopped) and a volume's (through a helper
// container that is created, never started, and removed). Bytes never cross this contract: the
// browser's downloads and uploads go through a one-use ticket on web mode's HTTP server
// (server/file-transfer.ts), and files:save writes into a folder of the backend's machine itself,
// as `docker cp` does (the desktop app's save dialog, web mode's "Save to a folder").
import { z } from 'zod';
import { call } from './define';
import { containerRef } from './ids';
import { volumeName } from './contract.volumes';
import { pathProblem } from './rules/file-paths';

export const filePath = z
  .string()
  .min(1)
  .max(4096)
  .superRefine((p, ctx) => {
    const why = pathProblem(p);
    if (why) ctx.addIssue({ code: 'custom', message: `path ${why}` });
  });

export const fileOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('container'), id: containerRef }).strict(),
  z.object({ kind: z.literal('volume'), name: volumeName }).strict(),
]);
export type FileOwner = z.infer<typeof fileOwner>;

export type FileKind = 'file' | 'dir' | 'link' | 'other';

export interface FileEntry {
  name: string;
  kind: FileKind;
  size: number;
  /** Unix time in milliseconds. */
  mtime: number;
  /** Permission bits, e.g. 0o644. */
  mode: number;
  linkTarget?: string;
}

export interface FileListing {
  path: string;
  entries: FileEntry[];
  /** How the folder was read: one level by `stat` in the running container, a stopped one's image
   *  (`stat` in a short-lived helper) patched with its `docker diff`, or the archive's headers. */
  via: 'exec' | 'image' | 'archive';
}

export interface FileChange {
  path: string;
  kind: 'changed' | 'added' | 'deleted';
}

/** Names a running files:save, chosen by the window that starts it (it cancels by it). */
export const copyId = z.string().regex(/^copy-[0-9a-z]{6,24}$/);

/** The host's folder to save into: a full path, or ~ / ~/x for the backend's home. */
const hostFolder = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), 'control characters');

/** A name to save as in that folder: one segment, as the host's file systems take it. */
const hostName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => n !== '.' && n !== '..' && !/[\u0000-\u001f\u007f/\\]/.test(n), 'not a file name');

const copyInInput = z
  .object({
    owner: fileOwner,
    dir: filePath,
    copy: copyId,
    /** The file on this machine (a full path): what the desktop app's file picker gave. */
    source: hostFolder,
  })
  .strict();

/** Where a files:save (or files:copy-in) stands: sent as 'files:copy-progress' to its window while it runs. */
export interface CopyProgress {
  copy: string;
  /** The path in the container or volume (copied from, or, for files:copy-in, to). */
  path: string;
  /** Bytes written so far. */
  bytes: number;
  /** The file's size (a folder's .tar has none up front). */
  total?: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Where it was saved (state done): the folder's real path and the name used (files:save), or
   *  the path in the container (files:copy-in). */
  savedAs?: string;
}

const saveInput = z
  .object({
    owner: fileOwner,
    path: filePath,
    copy: copyId,
    folder: hostFolder,
    /** The name to save as; without it, the item's own (a folder's with .tar). */
    name: hostName.optional(),
    /** Replace a file of that name (the save dialog asked); otherwise `name (1)` and on. */
    replace: z.boolean().default(false),
  })
  .strict();

export const fileCalls = {
  'files:list': call<z.ZodObject<{ owner: typeof fileOwner; path: typeof filePath }>, FileListing>(
    z.object({ owner: fileOwner, path: filePath }).strict(),
  ),
  'files:stat': call<z.ZodObject<{ owner: typeof fileOwner; path: typeof filePath }>, FileEntry>(
    z.object({ owner: fileOwner, path: filePath }).strict(),
  ),
  'files:diff': call<z.ZodObject<{ id: typeof containerRef }>, FileChange[]>(z.object({ id: containerRef }).strict()),
  'files:delete': call<z.ZodObject<{ owner: typeof fileOwner; path: typeof filePath }>, { deleted: string }>(
    z.object({ owner: fileOwner, path: filePath }).strict(),
  ),
  /** A one-use ticket for GET /files/transfer?ticket= (a file as itself, a folder as a .tar). */
  'files:download-ticket': call<
    z.ZodObject<{ owner: typeof fileOwner; path: typeof filePath }>,
    { ticket: string; url: string }
  >(z.object({ owner: fileOwner, path: filePath }).strict()),
  /** A one-use ticket for PUT /files/transfer?ticket=&name= (the body is the file's bytes). */
  'files:upload-ticket': call<
    z.ZodObject<{ owner: typeof fileOwner; dir: typeof filePath }>,
    { ticket: string; url: string }
  >(z.object({ owner: fileOwner, dir: filePath }).strict()),
  /** `docker cp CONTAINER:PATH FOLDER`: the file (a folder as .tar) written into a folder of this
   *  machine; answers when it ends (done or cancelled), with progress on the way. */
  'files:save': call<typeof saveInput, CopyProgress>(saveInput),
  /** `docker cp FILE CONTAINER:DIR`: a file of this machine streamed into a folder of a container
   *  or volume (the desktop app's upload: its page cannot stream a picked file over HTTP). */
  'files:copy-in': call<typeof copyInInput, CopyProgress>(copyInInput),
  /** Stops a files:save or files:copy-in of this window; what it wrote so far is removed. */
  'files:copy-cancel': call<z.ZodObject<{ copy: typeof copyId }>, null>(z.object({ copy: copyId }).strict()),
};
