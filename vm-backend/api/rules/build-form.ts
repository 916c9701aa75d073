// The build form's rules, shared by the window (live checks, the command shown) and the backend
// (which checks again): tags as image references, build args, and the `docker build` command.
import { shellQuote } from './cli';
import { parseReference } from './reference';

export interface BuildForm {
  /** The context folder, absolute, on the backend's machine. */
  folder: string;
  /** The Dockerfile, relative to the folder ("Dockerfile" by default). */
  dockerfile: string;
  tags: string[];
  buildArgs: { name: string; value: string }[];
  target?: string;
  noCache: boolean;
  pull: boolean;
}

export type TagProblem = 'empty' | 'whitespace' | 'uppercase' | 'bad-tag' | 'bad-name' | 'too-long';

/** Why `tag` cannot name a built image (`docker build -t`), or null: the reference grammar
 *  (reference.ts, the one pull and push use), without a digest. */
export function tagProblem(tag: string): TagProblem | null {
  if (tag.length > 255) return 'too-long';
  const parsed = parseReference(tag);
  if (!parsed.ok) return parsed.problem === 'bad-digest' ? 'bad-name' : parsed.problem;
  return parsed.ref.digest ? 'bad-name' : null;
}

/** A Dockerfile path inside the folder: relative, no `..`, no control characters. */
export function dockerfileProblem(path: string): boolean {
  if (path === '' || /[\u0000-\u001f\u007f]/.test(path) || path.startsWith('/') || path.includes('\\')) return true;
  return path.split('/').some((p) => p === '..' || p === '');
}

export const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The `docker build` command the form stands for. */
export function buildCommand(f: BuildForm): string {
  const parts = ['docker build'];
  for (const t of f.tags) if (t) parts.push(`-t ${shellQuote(t)}`);
  // -f is read from the current folder, not the context's: give it whole.
  if (f.dockerfile && f.dockerfile !== 'Dockerfile')
    parts.push(`-f ${shellQuote(`${f.folder.replace(/\/+$/, '')}/${f.dockerfile}`)}`);
  for (const a of f.buildArgs) if (a.name) parts.push(`--build-arg ${shellQuote(`${a.name}=${a.value}`)}`);
  if (f.target) parts.push(`--target ${shellQuote(f.target)}`);
  if (f.noCache) parts.push('--no-cache');
  if (f.pull) parts.push('--pull');
  parts.push(shellQuote(f.folder || '.'));
  return parts.join(' ');
}
