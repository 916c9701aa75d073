// Counts the lines of a log that come before the first one the view shows, without formatting or
// sending them: when the view keeps only the last N lines, the engine is asked for just those
// (`tail`, which json-file and local read from the end) and this reads the log alongside, up to
// that first message (`until`, inclusive: the engine's own filter, without timestamps, so it sends
// and formats less), to say how many earlier lines are only in the full download.
import type Docker from 'dockerode';
import { Demuxer } from '../streams/demux';
import { requestLogs } from './log-request';
import { parseLogTime, sinceParam } from './log-time';

export class LinesBefore {
  private lines = 0;
  /** Lines of the message being read (multiplexed: a frame; TTY: a line). */
  private current = 0;
  private endsWithNewline = false;

  push(data: Buffer, messageStart: boolean, raw: boolean): void {
    if (messageStart && !raw) this.current = 0;
    let n = 0;
    for (let i = data.indexOf(0x0a); i >= 0; i = data.indexOf(0x0a, i + 1)) n++;
    this.lines += n;
    this.current += n;
    if (data.length > 0) this.endsWithNewline = data[data.length - 1] === 0x0a;
  }

  /** Lines before the last message read (the first one the view shows). */
  before(raw: boolean): number {
    // A TTY stream has no frames: its last line is the last message (unless it has no '\n' yet).
    const last = raw ? (this.endsWithNewline ? 1 : 0) : this.current;
    return Math.max(0, this.lines - last);
  }
}

export interface EarlierQuery {
  tail: number | 'all';
  since?: string;
  tty: boolean;
  /** Timestamp text of the first message the view shows. */
  firstTs: string;
}

/** Resolves with the lines before the view's first message; null when that is not known. */
export async function countEarlierLines(
  docker: Docker,
  id: string,
  q: EarlierQuery,
  signal: AbortSignal,
): Promise<number | null> {
  const at = parseLogTime(q.firstTs);
  if (at === null) return null;
  const query = {
    follow: false,
    tail: q.tail,
    timestamps: false,
    until: sinceParam(at),
    ...(q.since ? { since: q.since } : {}),
  };
  const res = await requestLogs(docker, id, query, signal);
  const count = new LinesBefore();
  const demux = new Demuxer(q.tty, (_kind, data, start) => count.push(data, start, demux.isRaw));
  return new Promise((resolve, reject) => {
    res.on('data', (chunk: Buffer) => demux.push(chunk));
    res.on('error', reject);
    res.on('close', () => (signal.aborted ? reject(new Error('aborted')) : resolve(count.before(demux.isRaw))));
  });
}
