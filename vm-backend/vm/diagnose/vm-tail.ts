// The end of a log file, without reading the whole file.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/** The last `max` bytes of a file ('' when it does not exist). */
export function tail(path: string, max = 64 * 1024): string {
  try {
    const size = statSync(path).size;
    if (size <= max) return readFileSync(path, 'utf8');
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(max);
      readSync(fd, buf, 0, max, size - max);
      return buf.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}
