// Zip-slip: a tar entry from the engine is only used when its name stays inside the folder it
// was asked for. An absolute name is made relative (the engine names `/`'s entries "/bin/..."),
// and a `..` segment, a NUL, or a hard link pointing up is refused.
import { archiveUnsafe } from './file-errors';

export function safeEntryName(name: string): string {
  const rel = name.replace(/^\/+/, '');
  const segs = rel.split('/');
  if (name.includes('\0') || segs.some((s) => s === '..')) throw archiveUnsafe(name);
  return rel;
}

/** A hard link's target must be inside the archive too; a symlink's may point anywhere (as docker cp). */
export function safeLinkTarget(type: string | null | undefined, linkname: string | null | undefined): void {
  if (type !== 'link' || !linkname) return;
  safeEntryName(linkname);
}
