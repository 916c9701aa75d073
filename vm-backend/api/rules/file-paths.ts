// Paths inside a container or a volume, as the files view and the backend both check them: always
// absolute, normalised, no `..` segment, no NUL or line break. A name for upload is one segment.

/** Why `path` is refused, or null when it is a clean absolute path. */
export function pathProblem(path: string): string | null {
  if (!path.startsWith('/')) return 'not absolute';
  if (/[\0\n\r]/.test(path)) return 'has a NUL or line break';
  if (path.length > 4096) return 'too long';
  if (path.split('/').some((s) => s === '..')) return "has a '..' segment";
  return null;
}

/** `/a//b/./c/` -> `/a/b/c`; the caller has checked pathProblem. */
export function normalisePath(path: string): string {
  const parts = path.split('/').filter((s) => s && s !== '.');
  return `/${parts.join('/')}`;
}

/** Why `name` cannot be a file name in a folder, or null. */
export function nameProblem(name: string): string | null {
  if (!name || name === '.' || name === '..') return 'empty or a dot name';
  if (name.includes('/')) return "has a '/'";
  if (/[\0\n\r]/.test(name)) return 'has a NUL or line break';
  if (new TextEncoder().encode(name).length > 255) return 'too long';
  return null;
}

export const joinPath = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);

export function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Where a symlink in `dir` pointing at `target` leads: `..` resolved, never above `/`. */
export function resolveLink(dir: string, target: string): string {
  const out: string[] = [];
  const start = target.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const seg of [...start, ...target.split('/')]) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}
