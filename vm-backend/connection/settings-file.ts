// Every JSON settings file Wharf keeps (targets.json, registries.json, a VM's settings.json and
// runtime.json, accel-hung.json) is read and written here; known_hosts is written here too. A file that does not parse or fails its schema is never
// overwritten: it is renamed beside itself (targets.json.corrupt-2026-12-07T10-52-00Z) and remembered
// as a notice the UI and the CLI show. Writes are atomic (temp file in the same folder, fsync,
// rename; write-file-atomic), so a crash mid-write leaves the old file or the new one, never half.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { WharfError } from '../api/errors';
import type { SettingsNotice } from '../api/types';

const notices: SettingsNotice[] = [];

/**
 * The bad copies set aside beside `files` (this run's with the reason; earlier runs' found on disk),
 * so the notice stays until the user deletes the kept copy, whichever process set it aside.
 */
export function settingsNotices(files: string[]): SettingsNotice[] {
  const out: SettingsNotice[] = [];
  for (const file of files) {
    let names: string[];
    try {
      names = readdirSync(dirname(file));
    } catch {
      continue;
    }
    const prefix = `${basename(file)}.corrupt-`;
    for (const name of names.filter((n) => n.startsWith(prefix)).sort()) {
      const keptAs = join(dirname(file), name);
      const seen = notices.find((n) => n.keptAs === keptAs);
      out.push(seen ?? { file, keptAs, reason: '', at: mtimeOf(keptAs) });
    }
    out.push(...notices.filter((n) => n.file === file && !n.keptAs));
  }
  return out;
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const stamp = (at: Date): string => `${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;

/** Renames a bad file beside itself; answers the new path, or null when even that failed. */
function keepAside(file: string, at: Date): string | null {
  let kept = `${file}.corrupt-${stamp(at)}`;
  for (let i = 1; existsSync(kept); i++) kept = `${file}.corrupt-${stamp(at)}-${i}`;
  try {
    renameSync(file, kept);
    return kept;
  } catch {
    return null;
  }
}

/**
 * Reads `file` and checks it against `schema`. No file: `fallback`. A file that does not parse or
 * does not fit: set aside (never overwritten), noted, and `fallback`. A file that cannot be read at
 * all (EACCES, EISDIR...): SETTINGS_READ_FAILED, so nothing is saved over it.
 */
export function readSettingsFile<S extends z.ZodType>(
  file: string,
  schema: S,
  fallback: z.output<S>,
  now: () => Date = () => new Date(),
): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw settingsReadFailed(file, e as NodeJS.ErrnoException);
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    reason = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`)
      .join('; ');
  } catch (e) {
    reason = (e as Error).message;
  }
  const at = now();
  const keptAs = keepAside(file, at);
  // A file that could not be moved is met again at every read: noted once.
  if (keptAs || !notices.some((n) => n.file === file && !n.keptAs))
    notices.push({ file, ...(keptAs ? { keptAs } : {}), reason: reason.slice(0, 300), at: at.getTime() });
  return fallback;
}

export interface WriteOptions {
  /** The file's mode (e.g. 0o600 for credentials); default: the existing file's, else 0644. */
  mode?: number;
}

const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function prepare(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
}

/** Writes `value` as JSON atomically; a failure is SETTINGS_WRITE_FAILED and the old file stays. */
export function writeSettingsFileSync(file: string, value: unknown, opts: WriteOptions = {}): void {
  writeTextFileSync(file, text(value), opts);
}

/** The same for a text settings file (known_hosts). */
export function writeTextFileSync(file: string, data: string, opts: WriteOptions = {}): void {
  try {
    prepare(file);
    writeFileAtomic.sync(file, data, { fsync: true, ...(opts.mode !== undefined ? { mode: opts.mode } : {}) });
  } catch (e) {
    throw settingsWriteFailed(file, e as NodeJS.ErrnoException);
  }
}

export async function writeSettingsFile(file: string, value: unknown, opts: WriteOptions = {}): Promise<void> {
  try {
    prepare(file);
    await writeFileAtomic(file, text(value), { fsync: true, ...(opts.mode !== undefined ? { mode: opts.mode } : {}) });
  } catch (e) {
    throw settingsWriteFailed(file, e as NodeJS.ErrnoException);
  }
}

const HINTS: Record<string, string> = {
  EROFS:
    'The folder is on a read-only disk. Make it writable, or start Wharf with WHARF_DATA_DIR set to a writable folder.',
  ENOSPC: 'The disk is full. Free some space, then try again.',
  EDQUOT: 'Your disk quota is used up. Free some space, then try again.',
  EACCES: 'Your user may not write in that folder. Fix its owner or permissions, then try again.',
  EPERM: 'Your user may not write in that folder. Fix its owner or permissions, then try again.',
};

export function settingsWriteFailed(file: string, e: NodeJS.ErrnoException): WharfError {
  return new WharfError({
    code: 'SETTINGS_WRITE_FAILED',
    message: `Wharf could not save ${file}. Nothing was changed.`,
    hint: HINTS[e.code ?? ''] ?? 'Check that the folder exists and is writable, then try again.',
    detail: `${file}: ${e.message}`,
    params: { path: file, os: e.code ?? 'unknown' },
  });
}

function settingsReadFailed(file: string, e: NodeJS.ErrnoException): WharfError {
  return new WharfError({
    code: 'SETTINGS_READ_FAILED',
    message: `Wharf could not read ${file}.`,
    hint: HINTS[e.code ?? ''] ?? 'Check that it is a file your user may read, then try again.',
    detail: `${file}: ${e.message}`,
    params: { path: file, os: e.code ?? 'unknown' },
  });
}

/** Start-up: can Wharf write in `dir`? null when it can, else SETTINGS_WRITE_FAILED for the folder. */
export function folderWriteProblem(dir: string): WharfError | null {
  const probe = join(dir, `.wharf-write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return null;
  } catch (e) {
    return settingsWriteFailed(dir, e as NodeJS.ErrnoException);
  }
}
