import type { ImageRow } from '../../../vm-backend/api/types';

export interface LocalMatch {
  ref: string;
  size: number;
}

/** Local image tags containing the term (case-insensitive), shortest first; pure and cheap for 500+ images. */
export function localMatches(images: Iterable<ImageRow>, term: string, limit = 20): LocalMatch[] {
  const needle = term.trim().toLowerCase();
  if (!needle) return [];
  const out: LocalMatch[] = [];
  for (const img of images) {
    for (const ref of img.repoTags) if (ref.toLowerCase().includes(needle)) out.push({ ref, size: img.size });
  }
  out.sort((a, b) => a.ref.length - b.ref.length || a.ref.localeCompare(b.ref));
  return out.slice(0, limit);
}
