// The tag picker's order and default: newest first, by version where tags look like versions
// (1.10 after 1.9, as a person reads them, not as text sorts), else by the date the registry
// gives; `latest` stays the default when it exists, as `docker pull` does.
import type { TagInfo } from '../../../vm-backend/api/contract.search';

/** Why the default tag was picked, for the line under the picker. */
export type PickReason = 'latest' | 'version' | 'date' | 'first';

const VERSION = /^v?(\d+(?:\.\d+)*)(.*)$/;

/** The numbers of a version-like tag ("v1.2.3-alpine" -> [1, 2, 3] and "-alpine"), else null. */
export function versionOf(tag: string): { parts: number[]; suffix: string } | null {
  const m = VERSION.exec(tag);
  if (!m?.[1]) return null;
  const parts = m[1].split('.').map(Number);
  if (parts.some((n) => !Number.isSafeInteger(n))) return null;
  return { parts, suffix: m[2] ?? '' };
}

function byVersionDesc(a: string, b: string): number {
  const va = versionOf(a);
  const vb = versionOf(b);
  if (!va || !vb) return 0;
  for (let i = 0; i < Math.max(va.parts.length, vb.parts.length); i++) {
    const d = (vb.parts[i] ?? -1) - (va.parts[i] ?? -1);
    if (d !== 0) return d;
  }
  // "1.2" before "1.2-alpine": the plain one is the release itself.
  if (!va.suffix !== !vb.suffix) return va.suffix ? 1 : -1;
  return a.localeCompare(b);
}

const time = (t: TagInfo): number => (t.updated ? Date.parse(t.updated) || 0 : 0);

/** Newest first: version-like tags by version, then the others by date (newest first), then by name. */
export function orderTags(tags: readonly TagInfo[]): TagInfo[] {
  return [...tags].sort((a, b) => {
    const va = versionOf(a.name) !== null;
    const vb = versionOf(b.name) !== null;
    if (va && vb) return byVersionDesc(a.name, b.name);
    if (va !== vb) return va ? -1 : 1;
    return time(b) - time(a) || a.name.localeCompare(b.name);
  });
}

/** The tag chosen before the user picks one, and why. `ordered` comes from orderTags. */
export function defaultTag(ordered: readonly TagInfo[]): { name: string; reason: PickReason } | null {
  if (ordered.some((t) => t.name === 'latest')) return { name: 'latest', reason: 'latest' };
  const first = ordered[0];
  if (!first) return null;
  if (versionOf(first.name)) return { name: first.name, reason: 'version' };
  return { name: first.name, reason: first.updated ? 'date' : 'first' };
}
