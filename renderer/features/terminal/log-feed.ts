// The write side of one opened log: chunks queue, and are handed to xterm in few large writes.
// When the queue holds more lines than the view keeps, the oldest would scroll out unseen: they
// are skipped (not parsed) and a dim line says how many. One feed per opened stream.
import type { Terminal } from '@xterm/xterm';
import type { TerminalHost } from './create-terminal';

/** How much xterm is given ahead of its write callbacks; the rest waits in the queue. */
const IN_FLIGHT_MAX = 256 * 1024;
/** Queued characters counted as consumed on arrival (so the backend keeps sending and lines
 *  beyond the scrollback can be skipped); past this, only what xterm has written counts. */
const QUEUE_ACK_MAX = 4 * 1024 * 1024;

export class LogFeed {
  private queue: { data: string; lines: number }[] = [];
  private queuedLines = 0;
  private queuedChars = 0;
  /** Characters handed to xterm whose write callback has not come yet. */
  private inFlight = 0;
  private skipped = 0;
  private received = 0;
  private written = 0;
  private stopped = false;
  /** Lines ('\n') handed to xterm, the skip notices included. */
  linesWritten = 0;

  constructor(
    private readonly term: Terminal,
    private readonly host: TerminalHost,
    /** Lines the view keeps (beyond the screen). */
    private readonly keepLines: number,
    private readonly skippedNotice: (lines: number) => string,
    /** After each chunk received and each write parsed (to acknowledge, or to see it is idle). */
    private readonly onProgress: () => void,
  ) {}

  /** Everything received counts as consumed except what xterm still parses and a queue overflow. */
  get consumed(): number {
    return this.received - this.inFlight - Math.max(0, this.queuedChars - QUEUE_ACK_MAX);
  }

  /** Nothing queued or being parsed. */
  get idle(): boolean {
    return this.inFlight === 0 && this.queue.length === 0;
  }

  push(data: string): void {
    let lines = 0;
    for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) lines++;
    this.queue.push({ data, lines });
    this.queuedLines += lines;
    this.queuedChars += data.length;
    this.received += data.length;
    this.host.dataset.received = String(this.received);
    const keep = this.keepLines + this.term.rows;
    while (this.queue.length > 1 && this.queuedLines - (this.queue[0]?.lines ?? 0) >= keep) {
      const old = this.queue.shift();
      if (!old) break;
      this.queuedLines -= old.lines;
      this.queuedChars -= old.data.length;
      this.skipped += old.lines;
    }
    this.pump();
    this.onProgress();
  }

  /** The stream was replaced: late write callbacks are ignored. */
  stop(): void {
    this.stopped = true;
  }

  /** Hands queued chunks to xterm, joined into one write while it has little in hand (fewer,
   *  larger writes parse faster). */
  private pump(): void {
    while (this.inFlight < IN_FLIGHT_MAX && this.queue.length > 0) {
      const parts: string[] = [];
      let size = 0;
      let lines = 0;
      while (
        this.queue.length > 0 &&
        (parts.length === 0 || this.inFlight + size + (this.queue[0]?.data.length ?? 0) <= IN_FLIGHT_MAX)
      ) {
        const next = this.queue.shift();
        if (!next) break;
        this.queuedLines -= next.lines;
        this.queuedChars -= next.data.length;
        parts.push(next.data);
        size += next.data.length;
        lines += next.lines;
      }
      let text = parts.length === 1 ? (parts[0] ?? '') : parts.join('');
      if (this.skipped > 0) {
        text = `\x1b[2m… ${this.skippedNotice(this.skipped)}\x1b[22m\n${text}`;
        this.host.dataset.skipped = String(this.skipped);
        this.skipped = 0;
        lines += 1;
      }
      this.linesWritten += lines;
      this.inFlight += size;
      this.term.write(text, () => {
        if (this.stopped) return;
        this.inFlight -= size;
        this.written += size;
        this.host.dataset.written = String(this.written);
        this.pump();
        this.onProgress();
      });
    }
  }
}
