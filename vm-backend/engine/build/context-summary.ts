// The context counted before it is sent: its size, file count, the biggest folders at its top,
// and folders a Dockerfile rarely needs (node_modules, .git, target) that are in it. Ignored
// folders are not walked, so a 200 MB ignored node_modules costs nothing here.
import { access, constants, lstat, opendir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BUILD_CONTEXT_WARN_BYTES, type ContextSummary } from '../../api/contract.build';
import type { ContextFilter } from './build-context';

const IGNORABLE = new Set(['node_modules', '.git', 'target']);
const PROBLEMS_MAX = 50;
const BIGGEST_MAX = 6;

export async function summarizeContext(folder: string, filter: ContextFilter): Promise<ContextSummary> {
  const root = await realpath(folder);
  const tops = new Map<string, { bytes: number; files: number }>();
  const problems: ContextSummary['problems'] = [];
  let bytes = 0;
  let files = 0;
  const problem = (path: string, p: 'unreadable' | 'link-outside'): void => {
    if (problems.length < PROBLEMS_MAX) problems.push({ path, problem: p });
  };

  const walk = async (rel: string): Promise<void> => {
    let dir: Awaited<ReturnType<typeof opendir>>;
    try {
      dir = await opendir(join(folder, rel));
    } catch {
      problem(rel || '.', 'unreadable');
      return;
    }
    for await (const d of dir) {
      const child = rel ? `${rel}/${d.name}` : d.name;
      if (filter.ignored(child, d.isDirectory())) continue;
      const top = child.split('/')[0] ?? child;
      const count = (size: number): void => {
        bytes += size;
        files++;
        if (child.includes('/')) {
          const t = tops.get(top) ?? { bytes: 0, files: 0 };
          t.bytes += size;
          t.files++;
          tops.set(top, t);
        }
      };
      if (d.isDirectory()) {
        if (!rel) tops.set(top, tops.get(top) ?? { bytes: 0, files: 0 });
        await walk(child);
      } else if (d.isSymbolicLink()) {
        count(0);
        const target = await realpath(join(folder, child)).catch(() => null);
        if (target && target !== root && !target.startsWith(`${root}/`)) problem(child, 'link-outside');
      } else if (d.isFile()) {
        const full = join(folder, child);
        const s = await lstat(full).catch(() => null);
        count(s?.size ?? 0);
        if (
          !(await access(full, constants.R_OK).then(
            () => true,
            () => false,
          ))
        )
          problem(child, 'unreadable');
      }
    }
  };
  await walk('');
  const biggest = [...tops]
    .map(([path, t]) => ({ path, ...t }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, BIGGEST_MAX);
  const ignorable = [...tops].filter(([path]) => IGNORABLE.has(path)).map(([path, t]) => ({ path, bytes: t.bytes }));
  return {
    bytes,
    files,
    biggest,
    ignorable,
    dockerignore: filter.hasDockerignore,
    large: bytes > BUILD_CONTEXT_WARN_BYTES,
    problems,
  };
}

/** The folder exists and is one (else the OS's error, for build-errors.ts to word). */
export async function checkFolder(folder: string): Promise<void> {
  const s = await stat(resolve(folder));
  if (!s.isDirectory()) throw Object.assign(new Error(`${folder} is not a directory`), { code: 'ENOTDIR' });
}
