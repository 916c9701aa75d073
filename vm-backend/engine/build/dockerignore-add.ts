// "Add to .dockerignore": one line appended to the folder's .dockerignore (made when missing),
// unless a line already says it.
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathError } from '../host-paths/host-paths-errors';
import { checkFolder } from './context-summary';

export async function addToDockerignore(folder: string, pattern: 'node_modules' | '.git' | 'target'): Promise<null> {
  await checkFolder(folder).catch((e) => {
    throw pathError(e, folder);
  });
  const file = join(folder, '.dockerignore');
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines = text.split(/\r?\n/).map((l) => l.trim().replace(/^\/+|\/+$/g, ''));
  if (lines.includes(pattern)) return null;
  await appendFile(file, `${text && !text.endsWith('\n') ? '\n' : ''}${pattern}\n`).catch((e) => {
    throw pathError(e, file);
  });
  return null;
}
