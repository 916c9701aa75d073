// The folders of this computer that Wharf's VM mounts at the same path (9p), and the rules a list
// of them must follow. Shared by the VM panel's form (says what is wrong as you type) and the
// backend (which also checks, with the file system, that each folder exists). Pure.
import { z } from 'zod';

/** QEMU gives each share a device; a handful is plenty (Docker Desktop's default is 4 folders). */
export const MAX_SHARES = 8;
export const MAX_SHARE_PATH = 1024;

export const sharePathSchema = z.string().min(1).max(MAX_SHARE_PATH);
export const sharesSchema = z.array(sharePathSchema).max(MAX_SHARES);

export type ShareIssueCode = 'relative' | 'root' | 'system' | 'control' | 'duplicate' | 'nested' | 'too-many';

/** The guest's own folders: a share mounted at one of them, or above one, would hide it (root's
 *  SSH key in /root/.ssh, Docker's data disk, the system). A Linux host's /root is such a home. */
const GUEST_KEEPS = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib64', '/proc', '/root/.ssh', '/run', '/sbin'].concat([
  '/sys',
  '/tmp',
  '/usr',
  '/var/lib/docker',
  '/var/run',
]);
/** Guest folders nothing may be mounted inside: the system, pseudo file systems, Docker's data. */
const GUEST_SEALED = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
].concat(['/var/lib/docker']);

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
    else if (hidesGuest(normalizeSharePath(path))) out.push({ path, code: 'system' });
    else {
      const norm = normalizeSharePath(path);
      const clash = ok.find((o) => o.norm === norm || isInside(norm, o.norm) || isInside(o.norm, norm));
      if (clash) out.push({ path, code: clash.norm === norm ? 'duplicate' : 'nested', other: clash.path });
      else ok.push({ path, norm });
    }
  }
  return out;
}

/** True when mounting at `norm` would hide or touch one of the guest's own folders. */
function hidesGuest(norm: string): boolean {
  return GUEST_KEEPS.some((d) => d === norm || isInside(d, norm)) || GUEST_SEALED.some((d) => isInside(norm, d));
}

/** The folders the VM shares: the list in the settings, else the home folder alone (none when the
 *  home folder cannot be shared, e.g. /root on a Linux host, which is the guest's root's home too). */
export function effectiveShares(shares: readonly string[] | undefined, home: string): string[] {
  if (shares) return shares.map(normalizeSharePath);
  return home && shareIssues([home]).length === 0 ? [normalizeSharePath(home)] : [];
}
