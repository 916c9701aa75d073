// The host-paths domain: folders and files on the machine the backend runs on (which, in web
// mode, is the user's own), for path fields with completion (a build's folder, a compose file).
import { z } from 'zod';
import { call } from './define';

export interface PathEntry {
  /** The entry's name in its folder. */
  name: string;
  /** The full path, with a trailing separator for a folder so the next completion lists it. */
  path: string;
  /** What the entry is (a symbolic link: what it points to; a broken one: `other`). */
  kind: 'dir' | 'file' | 'other';
  /** A symbolic link. */
  link?: boolean;
}

export interface PathCompletion {
  /** The folder listed (absolute, normalised). */
  folder: string;
  /** Entries whose name starts with what follows the folder in the input: folders first, then by name. */
  entries: PathEntry[];
  /** More entries matched than were sent. */
  truncated: boolean;
  /** The backend's home folder, where `~` points and an empty field starts. */
  home: string;
  /** The path separator of the backend's machine. */
  sep: string;
}

/** At most this many entries per answer: a field shows a short list while the user types. */
export const PATH_ENTRIES_MAX = 200;

const completePathInput = z
  .object({
    // Empty: the home folder. `~` and `~/...` are the home folder; anything else must be absolute.
    path: z
      .string()
      .max(4096)
      .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), 'control characters'),
    dirsOnly: z.boolean().default(false),
  })
  .strict();

export const hostPathCalls = {
  'host:complete-path': call<typeof completePathInput, PathCompletion>(completePathInput),
};
