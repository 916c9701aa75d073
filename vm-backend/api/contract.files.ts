// The files:* calls: a container's files (running or stopped) and a volume's (through a helper
// container that is created, never started, and removed). Bytes never cross this contract:
// downloads and uploads go through a one-use ticket on web mode's HTTP server (server/file-transfer.ts).
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
};
