// Counts the lines of a log that come before a given message, without formatting or sending
// them: when the view keeps only the last N lines, the engine is asked for just those (`tail`, which
// json-file and local read from the end) and this reads the whole log alongside to say how many
// earlier lines are only in the full download. The message is found by its timestamp text, which
// the engine writes the same way in every stream (nanoseconds, so in practice unique).
import type Docker from 'dockerode';
import { Demuxer, type StreamKind } from './demux';
import { requestLogs } from './log-request';

const MAX_TS = 40;

export class EarlierLines {
  /** Lines ('\n') before the message; final once `found` (or the stream ended). */
  lines = 0;
  found = false;
  private inTs = true;
  private ts = '';

  constructor(private readonly target: string, private readonly targetKind: StreamKind) {}

  /** Same arguments as LogFormatter.push: demuxed bytes of a stream asked with timestamps. */
  push(kind: StreamKind, data: Buffer, messageStart: boolean, raw: boolean): void {
    if (this.found) return;
    if (messageStart && !raw) {
      this.inTs = true;
      this.ts = '';
    }
    let pos = 0;
    while (pos < data.length) {
      if (this.inTs) {
        const space = data.indexOf(0x20, pos);
        const end = space < 0 ? data.length : space;
        this.ts = this.ts.length + end - pos <= MAX_TS ? this.ts + data.toString('latin1', pos, end) : '\0';
        if (space < 0) return;
        this.inTs = false;
        if (this.ts === this.target && kind === this.targetKind) {
          this.found = true;
          return;
        }
        pos = space + 1;
      }
      const nl = data.indexOf(0x0a, pos);
      if (nl < 0) return;
      this.lines += 1;
      pos = nl + 1;
      // A TTY stream has no frames: every line is a message with its own timestamp.
      if (raw) {
        this.inTs = true;
        this.ts = '';
      }
    }
  }
}

export interface EarlierQuery {
  tail: number | 'all';
  since?: string;
  tty: boolean;
  /** The first message the view shows: its timestamp text and stream. */
  first: { ts: string; kind: StreamKind };
}

/** Reads the log (not followed) up to `first` and resolves with the lines before it; null when
 *  `first` is not in it (the file was rotated meanwhile): then the number is not known. */
export async function countEarlierLines(docker: Docker, id: string, q: EarlierQuery, signal: AbortSignal): Promise<number | null> {
  const res = await requestLogs(docker, id, { follow: false, tail: q.tail, timestamps: true, ...(q.since ? { since: q.since } : {}) }, signal);
  const counter = new EarlierLines(q.first.ts, q.first.kind);
  const demux = new Demuxer(q.tty, (kind, data, start) => counter.push(kind, data, start, demux.isRaw));
  return new Promise((resolve, reject) => {
    res.on('data', (chunk: Buffer) => {
      demux.push(chunk);
      if (counter.found) res.destroy();
    });
    res.on('error', (e) => (counter.found ? undefined : reject(e)));
    res.on('close', () => (signal.aborted && !counter.found ? reject(new Error('aborted')) : resolve(counter.found ? counter.lines : null)));
  });
}
