// Every running `wharf web` notes its address (token included) in <data dir>/web/<port>.json, 0600,
// so `wharf web --print-url` can print it again for a user who lost the line it printed. Removed on
// a clean stop; a note whose process is gone is skipped and removed when read.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

interface Note {
  url: string;
  pid: number;
  started: string;
}

const dirOf = (dataDir: string): string => join(dataDir, 'web');

/** Writes this process's note; returns the function that removes it. A data folder that cannot be
 *  written only costs `--print-url` this address: the server runs on. */
export function noteWebAddress(dataDir: string, port: number, url: string): () => void {
  const dir = dirOf(dataDir);
  const file = join(dir, `${port}.json`);
  const note: Note = { url, pid: process.pid, started: new Date().toISOString() };
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomic.sync(file, `${JSON.stringify(note)}\n`, { mode: 0o600 });
  } catch {
    return () => undefined;
  }
  return () => rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The addresses of the `wharf web` processes still running, newest first. */
export function runningWebAddresses(dataDir: string): string[] {
  const dir = dirOf(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^\d+\.json$/.test(n));
  } catch {
    return [];
  }
  const notes: Note[] = [];
  for (const name of names) {
    try {
      const n = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Partial<Note>;
      if (typeof n.url !== 'string' || typeof n.pid !== 'number') continue;
      if (!alive(n.pid)) {
        rmSync(join(dir, name), { force: true });
        continue;
      }
      notes.push({ url: n.url, pid: n.pid, started: String(n.started ?? '') });
    } catch {
      // A note being written or damaged: not an address.
    }
  }
  return notes.sort((a, b) => b.started.localeCompare(a.started)).map((n) => n.url);
}
