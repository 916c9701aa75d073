// Turns demuxed log bytes into terminal text. The engine is always asked for timestamps: each
// message starts with one, which lets a re-opened stream drop what was already shown (follow
// across restarts) and lets the user switch timestamps on and off without asking the engine.
import { StringDecoder } from 'node:string_decoder';
import type { StreamKind } from '../streams/demux';
import { parseLogTime } from './log-time';

export interface LogFormatOptions {
  /** Show each line's timestamp (dimmed) in front of it. */
  timestamps: boolean;
}

/** Marks stderr lines: a red bar in the gutter (the line keeps its own colours). */
export const STDERR_MARK = '\x1b[31m\u258c\x1b[39m';
const MAX_TS = 40;

/** A cheap shape check for "2006-01-02T15:04:05[.fraction](Z|±hh:mm)". */
function looksLikeTimestamp(s: string): boolean {
  return (
    s.length >= 20 && s.length <= MAX_TS && s.charCodeAt(4) === 45 && s.charCodeAt(10) === 84 && s.charCodeAt(13) === 58
  );
}

interface KindState {
  decoder: StringDecoder;
  expectTs: boolean;
  pendingTs: string;
  dropping: boolean;
  lineStart: boolean;
  ts: string;
}

export class LogFormatter {
  /** Timestamp text of the last message shown (parsed only when needed: it is per line). */
  private lastTs = '';
  /** After a re-open: messages at or before this were shown already and are skipped. Not used
   *  within one stream, where the parts of a long line share one timestamp. */
  private skipUpTo: bigint | null = null;
  private readonly kinds: Record<StreamKind, KindState>;
  /** Timestamp text of the first message shown, once there is one. */
  firstTs = '';

  constructor(
    private readonly opts: LogFormatOptions,
    private readonly out: (text: string) => void,
  ) {
    const state = (): KindState => ({
      decoder: new StringDecoder('utf8'),
      expectTs: true,
      pendingTs: '',
      dropping: false,
      lineStart: true,
      ts: '',
    });
    this.kinds = { stdout: state(), stderr: state() };
  }

  /** Starts a new engine stream (re-open after a restart): message boundaries start afresh. */
  /** Timestamp (ns) of the last message shown, or null before any. */
  get lastTime(): bigint | null {
    return this.lastTs ? parseLogTime(this.lastTs) : null;
  }

  restart(): void {
    this.skipUpTo = this.lastTime;
    for (const k of Object.values(this.kinds)) {
      k.decoder = new StringDecoder('utf8');
      k.expectTs = true;
      k.pendingTs = '';
      k.dropping = false;
    }
  }

  /**
   * `messageStart`: a message begins at the start of `data` (a frame start when multiplexed).
   * `raw`: TTY stream, where messages are lines, so every newline starts a message.
   */
  push(kind: StreamKind, data: Buffer, messageStart: boolean, raw: boolean): void {
    const k = this.kinds[kind];
    if (messageStart && !raw) k.expectTs = true;
    let text = k.decoder.write(data);
    let out = '';
    while (text.length > 0) {
      if (k.expectTs) {
        const space = text.indexOf(' ');
        if (space < 0 && k.pendingTs.length + text.length <= MAX_TS) {
          k.pendingTs += text;
          break;
        }
        const cand = space < 0 ? '' : k.pendingTs + text.slice(0, space);
        const isTs = space >= 0 && looksLikeTimestamp(cand);
        k.expectTs = false;
        if (!isTs) {
          // No timestamp after all (a driver without them): what was held back is text.
          text = k.pendingTs + text;
          k.dropping = false;
        } else {
          text = text.slice(space + 1);
          // Parsing every line's time costs; it is needed only right after a re-open.
          k.dropping = this.skipUpTo !== null && (parseLogTime(cand) ?? 0n) <= this.skipUpTo;
          if (!k.dropping) {
            this.skipUpTo = null;
            this.lastTs = cand;
            this.firstTs ||= cand;
            k.ts = cand;
          }
        }
        k.pendingTs = '';
      }
      let end = text.length;
      if (raw) {
        const nl = text.indexOf('\n');
        if (nl >= 0) end = nl + 1;
      }
      const piece = text.slice(0, end);
      text = text.slice(end);
      if (raw && piece.endsWith('\n')) k.expectTs = true;
      if (k.dropping || piece.length === 0) continue;
      if (k.lineStart) out += this.prefix(kind, k.ts);
      out += piece;
      k.lineStart = piece.endsWith('\n');
    }
    if (out) this.out(out);
  }

  private prefix(kind: StreamKind, ts: string): string {
    let p = kind === 'stderr' ? STDERR_MARK : '';
    if (this.opts.timestamps && ts) p += `\x1b[2m${ts}\x1b[22m `;
    return p;
  }
}
