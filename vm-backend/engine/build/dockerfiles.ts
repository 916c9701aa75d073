// The files of a folder (and its first level) a user may mean as the Dockerfile: Dockerfile,
// Dockerfile.dev, app.dockerfile, Containerfile.
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';

const LOOKS = /^(dockerfile|containerfile)([._-].*)?$|\.(dockerfile|containerfile)$/i;
const MAX = 50;

export async function listDockerfiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  const scan = async (rel: string, depth: number): Promise<void> => {
    const dir = await opendir(join(folder, rel)).catch(() => null);
    if (!dir) return;
    const subdirs: string[] = [];
    for await (const d of dir) {
      if (out.length >= MAX) break;
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (d.isFile() && LOOKS.test(d.name)) out.push(path);
      else if (d.isDirectory() && depth === 0 && !d.name.startsWith('.') && d.name !== 'node_modules')
        subdirs.push(path);
    }
    for (const s of subdirs) await scan(s, depth + 1);
  };
  await scan('', 0);
  return out.sort((a, b) => Number(b === 'Dockerfile') - Number(a === 'Dockerfile') || a.localeCompare(b));
}
