// Image references as Docker reads them (distribution/reference grammar), with a reason a beginner
// can act on when one is refused. Pure: the renderer validates the same way before it asks.

const HUB_DOMAIN = 'docker.io';

export interface ImageReference {
  /** Registry host[:port]; docker.io when the name has none. */
  domain: string;
  /** Repository path inside the registry; Hub's one-word names get "library/". */
  path: string;
  tag?: string;
  digest?: string;
}

export type ReferenceProblem =
  | 'empty'
  | 'too-long'
  | 'whitespace'
  | 'uppercase'
  | 'bad-tag'
  | 'bad-digest'
  | 'bad-name';

export type ParsedReference = { ok: true; ref: ImageReference } | { ok: false; problem: ReferenceProblem };

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN =
  /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** A first component names a registry when it has a '.' or ':' or is "localhost" (Docker's rule). */
function isDomain(first: string): boolean {
  return first === 'localhost' || first.includes('.') || first.includes(':') || first.startsWith('[');
}

export function parseReference(input: string): ParsedReference {
  if (input.length === 0) return { ok: false, problem: 'empty' };
  if (input.length > 512) return { ok: false, problem: 'too-long' };
  if (/[\s\u0000-\u001f\u007f]/.test(input)) return { ok: false, problem: 'whitespace' };
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, problem: 'bad-digest' };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, problem: 'bad-tag' };
  }
  const parts = rest.split('/');
  let domain = HUB_DOMAIN;
  if (parts.length > 1 && isDomain(parts[0]!)) {
    domain = parts.shift()!;
    if (!DOMAIN.test(domain)) return { ok: false, problem: 'bad-name' };
  }
  if (parts.length === 0 || parts.some((p) => p.length === 0)) return { ok: false, problem: 'bad-name' };
  for (const p of parts) {
    if (COMPONENT.test(p)) continue;
    return { ok: false, problem: COMPONENT.test(p.toLowerCase()) ? 'uppercase' : 'bad-name' };
  }
  if (domain === 'index.docker.io') domain = HUB_DOMAIN;
  if (domain === HUB_DOMAIN && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  if (domain.length + 1 + path.length > 255) return { ok: false, problem: 'too-long' };
  return { ok: true, ref: { domain, path, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) } };
}

/** The short name Docker prints: "redis", "me/app", "127.0.0.1:5000/wharf/busybox". */
export function familiarName(ref: Pick<ImageReference, 'domain' | 'path'>): string {
  if (ref.domain !== HUB_DOMAIN) return `${ref.domain}/${ref.path}`;
  return ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : ref.path;
}

/** "name:tag" (or "name@digest"); the tag defaults to latest, as `docker pull` does. */
export function formatReference(ref: ImageReference): string {
  const name = familiarName(ref);
  if (ref.digest) return `${name}@${ref.digest}`;
  return `${name}:${ref.tag ?? 'latest'}`;
}

export const REFERENCE_PROBLEM_TEXT: Record<ReferenceProblem, string> = {
  empty: 'The image name is empty.',
  'too-long': 'The image name is too long.',
  whitespace: 'Image names cannot contain spaces or control characters.',
  uppercase: 'Repository names must be lowercase (tags may have capitals).',
  'bad-tag': 'The tag may only have letters, digits, "_", "." and "-" (at most 128, not starting with "." or "-").',
  'bad-digest': 'A digest looks like sha256: followed by 64 hex digits.',
  'bad-name': 'Repository names are lowercase words joined by "/", "-", "_" or ".".',
};
