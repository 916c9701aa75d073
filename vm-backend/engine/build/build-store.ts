// Builds on disk: the last BUILD_HISTORY_MAX records in history.json (written whole by temp file
// and rename) and each build's full log beside it (<id>.log, appended as it comes). A record
// still "running" from an earlier backend is read as interrupted.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { BUILD_HISTORY_MAX, type BuildRecord } from '../../api/contract.build';
import { buildInterrupted } from './build-errors';

const RUN = randomBytes(5).toString('hex');
let counter = 0;
/** `build-<run>-<n>`: unique across engine scopes and backend restarts. */
export const newBuildId = (): string => `build-${RUN}-${++counter}`;

/** At most this much log per build:log answer. */
export const LOG_READ_MAX = 4 * 1024 * 1024;

export class BuildStore {
  private records: BuildRecord[];
  private saving: Promise<void> = Promise.resolve();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.records = this.load();
  }

  private get file(): string {
    return join(this.dir, 'history.json');
  }

  private load(): BuildRecord[] {
    try {
      const all = JSON.parse(readFileSync(this.file, 'utf8')) as BuildRecord[];
      if (!Array.isArray(all)) return [];
      return all
        .filter((r) => typeof r?.id === 'string' && /^build-[0-9a-z]+-\d+$/.test(r.id))
        .map((r) =>
          r.state === 'running' && !r.id.startsWith(`build-${RUN}-`)
            ? { ...r, state: 'interrupted' as const, error: buildInterrupted().toJSON() }
            : r,
        );
    } catch {
      return [];
    }
  }

  list(): BuildRecord[] {
    return this.records.map((r) => structuredClone(r));
  }

  get(id: string): BuildRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  logPath(id: string): string {
    return join(this.dir, `${id}.log`);
  }

  openLog(id: string): WriteStream {
    return createWriteStream(this.logPath(id), { flags: 'a', mode: 0o600 });
  }

  /** Adds or replaces a record (newest first) and saves; the oldest beyond the limit go, logs too. */
  put(record: BuildRecord): Promise<void> {
    const others = this.records.filter((r) => r.id !== record.id);
    this.records = [structuredClone(record), ...others].sort((a, b) => b.startedAt - a.startedAt);
    const gone = this.records.slice(BUILD_HISTORY_MAX).filter((r) => r.state !== 'running');
    this.records = this.records.filter((r, i) => i < BUILD_HISTORY_MAX || r.state === 'running');
    const data = JSON.stringify(this.records);
    this.saving = this.saving
      .then(() => writeFileAtomic(this.file, data, { mode: 0o600 }))
      .then(() => Promise.all(gone.map((r) => rm(this.logPath(r.id), { force: true }))))
      .then(
        () => undefined,
        () => undefined, // a full disk must not stop the build; the record stays in memory
      );
    return this.saving;
  }

  /** Up to LOG_READ_MAX bytes of the log from `from`. */
  async readLog(id: string, from: number): Promise<{ text: string; size: number; next: number }> {
    const f = await open(this.logPath(id), 'r').catch(() => null);
    if (!f) return { text: '', size: 0, next: from };
    try {
      const { size } = await f.stat();
      const len = Math.max(0, Math.min(LOG_READ_MAX, size - from));
      const buf = Buffer.alloc(len);
      const { bytesRead } = await f.read(buf, 0, len, from);
      // Cut at the last whole UTF-8 character: the next read starts there.
      let end = bytesRead;
      while (end > 0 && end < size - from && (buf[end - 1]! & 0xc0) === 0x80) end--;
      if (end > 0 && end < size - from && buf[end - 1]! >= 0xc0) end--;
      return { text: buf.subarray(0, end).toString('utf8'), size, next: from + end };
    } finally {
      await f.close();
    }
  }
}
