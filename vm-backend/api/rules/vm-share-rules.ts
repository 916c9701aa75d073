// The folders of this computer that Wharf's VM mounts at the same path (9p), and the rules a list
// of them must follow. Shared by the VM panel's form (says what is wrong as you type) and the
// backend (which also checks, with the file system, that each folder exists). Pure.
import { z } from 'zod';

/** QEMU gives each share a device; a handful is plenty (Docker Desktop's default is 4 folders). */
export const MAX_SHARES = 8;
export const MAX_SHARE_PATH = 1024;

export const sharePathSchema = z.string().min(1).max(MAX_SHARE_PATH);
export const sharesSchema = z.array(sharePathSchema).max(MAX_SHARES);

export type ShareIssueCode = 'relative' | 'root' | 'control' | 'duplicate' | 'nested' | 'too-many';

export interface ShareIssue {
  /** The offending entry as given. */
  path: string;
  code: ShareIssueCode;
  /** For duplicate/nested: the other entry it collides with. */
  other?: string;
}

/** `/a//b/./c/` -> `/a/b/c`; `..` is kept out by the caller's check (never resolved here). */
export function normalizeSharePath(p: string): string {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  return `/${parts.join('/')}`;
}

const isInside = (inner: string, outer: string): boolean => inner.startsWith(`${outer}/`);

/** Every problem with this list (empty: fine). Absolute POSIX paths: the guest mounts each one at
 *  the same path, so `docker run -v "$PWD":/app` works unchanged. */
export function shareIssues(paths: readonly string[]): ShareIssue[] {
  const out: ShareIssue[] = [];
  if (paths.length > MAX_SHARES) out.push({ path: paths[MAX_SHARES] ?? '', code: 'too-many' });
  const ok: { path: string; norm: string }[] = [];
  for (const path of paths) {
    // Control characters (a newline above all) would break the seed's line format and the guest's mount.
    if (/[\u0000-\u001f\u007f]/.test(path)) out.push({ path, code: 'control' });
    else if (!path.startsWith('/') || path.split('/').includes('..')) out.push({ path, code: 'relative' });
    else if (normalizeSharePath(path) === '/') out.push({ path, code: 'root' });
    else {
      const norm = normalizeSharePath(path);
      const clash = ok.find((o) => o.norm === norm || isInside(norm, o.norm) || isInside(o.norm, norm));
      if (clash) out.push({ path, code: clash.norm === norm ? 'duplicate' : 'nested', other: clash.path });
      else ok.push({ path, norm });
    }
  }
  return out;
}

/** The folders the VM shares: the list in the settings, else the home folder alone. */
export function effectiveShares(shares: readonly string[] | undefined, home: string): string[] {
  return shares ? shares.map(normalizeSharePath) : home && home !== '/' ? [normalizeSharePath(home)] : [];
}
