// The build context as the docker CLI sends it: the folder, less what .dockerignore excludes
// (read with @balena/dockerignore, the parser dockerode uses), packed as a tar stream by tar-fs
// file by file, so a context of any size never sits in memory. The Dockerfile and .dockerignore
// are always sent, as the CLI does.
import * as fs from 'node:fs';
import { readFileSync, lstatSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import dockerignore from '@balena/dockerignore';
import { pack } from 'tar-fs';

export interface ContextFilter {
  /** Whether the entry at `rel` (relative to the folder, '/'-separated) stays out of the context.
   *  `isDir`: known to be a folder (a folder is still walked when an exception may re-add inside). */
  ignored(rel: string, isDir?: boolean): boolean;
  hasDockerignore: boolean;
  /** The .dockerignore has `!` lines. */
  exceptions: boolean;
}

export function contextFilter(folder: string, dockerfile: string): ContextFilter {
  let text: string | null = null;
  try {
    text = readFileSync(`${folder}/.dockerignore`, 'utf8');
  } catch {
    text = null;
  }
  if (text === null) return { ignored: () => false, hasDockerignore: false, exceptions: false };
  const ig = dockerignore({ ignorecase: false }).add(text);
  const exceptions = text.split(/\r?\n/).some((l) => l.trim().startsWith('!'));
  const always = new Set([dockerfile, '.dockerignore']);
  return {
    hasDockerignore: true,
    exceptions,
    ignored(rel, isDir) {
      if (rel === '' || rel === '.' || always.has(rel)) return false;
      if (!ig.ignores(rel)) return false;
      // `!dir/keep` may re-add something inside an excluded folder: walk into it (Docker does too).
      return !(exceptions && isDir);
    },
  };
}

/** The context as a tar stream; read errors (an unreadable file) end it with that error. */
export function packContext(folder: string, filter: ContextFilter): Readable {
  // tar-fs reads `fs` from its options (its typings leave it out).
  const options = {
    ignore: (abs: string) => {
      const rel = relative(folder, abs).split(sep).join('/');
      if (!filter.ignored(rel, false)) return false;
      if (!filter.exceptions) return true;
      // An exception could re-add something inside: only then ask the disk whether it is a folder.
      try {
        return filter.ignored(rel, lstatSync(abs).isDirectory());
      } catch {
        return true;
      }
    },
    // Sockets and fifos are skipped rather than failing the build.
    strict: false,
    // Files read 1 MiB at a time (fs's default is 64 KiB): fewer, larger writes into the socket.
    fs: {
      ...fs,
      createReadStream: (path: fs.PathLike, o?: object) => fs.createReadStream(path, { ...o, highWaterMark: 1 << 20 }),
    },
  };
  return pack(folder, options as Parameters<typeof pack>[1]) as unknown as Readable;
}
