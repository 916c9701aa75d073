// Completion for a path typed on the backend's machine: the folder the input names, and its
// entries whose name starts with the rest, folders first. Read-only; never follows the input
// outside what `resolve` makes of it, and never lists more than PATH_ENTRIES_MAX entries.
import { opendir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, resolve, sep } from 'node:path';
import { PATH_ENTRIES_MAX, type PathCompletion, type PathEntry } from '../../api/contract.host-paths';
import { pathError, pathNotAbsolute } from './host-paths-errors';

/** Entries read from one folder at most: a folder of a million files answers quickly, truncated. */
const SCAN_MAX = 20_000;

/** `~` and `~/x` expanded; empty is the home folder. Throws HOST_PATH_NOT_ABSOLUTE for the rest. */
export function expandPath(input: string, home: string): string {
  if (input === '' || input === '~') return home + sep;
  if (input.startsWith(`~/`) || input.startsWith(`~${sep}`)) return home + sep + input.slice(2);
  if (!isAbsolute(input)) throw pathNotAbsolute(input);
  return input;
}

/** The folder to list and the start of the names to keep. */
export function splitInput(path: string): { folder: string; prefix: string } {
  if (path.endsWith('/') || path.endsWith(sep)) return { folder: resolve(path), prefix: '' };
  return { folder: resolve(dirname(path)), prefix: basename(path) };
}

const withSep = (folder: string): string => (folder.endsWith(sep) ? folder : folder + sep);

async function kindOf(full: string, d: { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }) {
  if (!d.isSymbolicLink()) return { kind: d.isDirectory() ? 'dir' : d.isFile() ? 'file' : 'other' } as const;
  const target = await stat(full).catch(() => null);
  return { kind: target?.isDirectory() ? 'dir' : target?.isFile() ? 'file' : 'other', link: true } as const;
}

export async function completePath(
  input: { path: string; dirsOnly: boolean },
  home: string = homedir(),
): Promise<PathCompletion> {
  const { folder, prefix } = splitInput(expandPath(input.path, home));
  const hidden = prefix.startsWith('.');
  const matched: { name: string; d: Parameters<typeof kindOf>[1] }[] = [];
  let truncated = false;
  let dir: Awaited<ReturnType<typeof opendir>>;
  try {
    dir = await opendir(folder);
  } catch (err) {
    throw pathError(err, folder);
  }
  let scanned = 0;
  try {
    for await (const d of dir) {
      if (++scanned > SCAN_MAX) {
        truncated = true;
        break;
      }
      if (!hidden && d.name.startsWith('.')) continue;
      if (d.name.startsWith(prefix)) matched.push({ name: d.name, d });
    }
  } catch (err) {
    throw pathError(err, folder);
  } finally {
    // A `break` closes the iterator itself; closing twice throws ERR_DIR_CLOSED.
    await dir.close().catch(() => undefined);
  }
  const base = withSep(folder);
  const entries: PathEntry[] = [];
  for (const m of matched) {
    const full = base + m.name;
    const k = await kindOf(full, m.d);
    if (input.dirsOnly && k.kind !== 'dir') continue;
    entries.push({
      name: m.name,
      path: k.kind === 'dir' ? full + sep : full,
      kind: k.kind,
      ...(k.link ? { link: true } : {}),
    });
  }
  entries.sort(
    (a, b) => Number(b.kind === 'dir') - Number(a.kind === 'dir') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  if (entries.length > PATH_ENTRIES_MAX) truncated = true;
  return { folder, entries: entries.slice(0, PATH_ENTRIES_MAX), truncated, home, sep };
}
