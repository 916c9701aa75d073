// Feeds one container's log into an xterm terminal, outside React: chunks go straight to
// terminal.write; characters are acknowledged once written or safely queued (the backend
// pauses the engine stream when too much is unacknowledged).
import type { Terminal } from '@xterm/xterm';
import type { LogsOpenInput } from '../../../vm-backend/api/contract.logs';
import { WharfError } from '../../../vm-backend/api/errors';
import type { StreamChunk } from '../../../vm-backend/api/stream-types';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge';
import { ROWS_PER_LINE, linesDropped } from './lines-dropped';
import { streamRouter } from './stream-router';
import type { TerminalHost } from './create-terminal';

/** How much xterm is given ahead of its write callbacks; the rest waits in the queue. */
const IN_FLIGHT_MAX = 256 * 1024;
/** Queued characters acknowledged on arrival (so the backend keeps sending and lines beyond the
 *  scrollback can be skipped); past this, only what xterm has written is acknowledged. */
const QUEUE_ACK_MAX = 4 * 1024 * 1024;

export type LogViewState = 'opening' | 'following' | 'waiting' | 'done' | 'removed' | 'error';
export type LogOptions = Omit<LogsOpenInput, 'id'>;

export function toErrorShape(e: unknown): WharfErrorShape {
  return e instanceof WharfError ? e.toJSON() : { code: 'UNEXPECTED', message: String(e), hint: '', detail: '' };
}

export class LogSession {
  private stream: string | null = null;
  private release: (() => void) | null = null;
  private generation = 0;
  private written = 0;
  private ended = false;
  // Chunks not yet handed to xterm. When they hold more lines than the terminal keeps
  // (scrollback + screen), the oldest would scroll out unseen: they are skipped, not parsed.
  private queue: { data: string; lines: number }[] = [];
  private queuedLines = 0;
  private queuedChars = 0;
  private received = 0;
  private acked = 0;
  /** Characters handed to xterm whose write callback has not come yet. */
  private inFlight = 0;
  private skipped = 0;
  /** Lines ('\n') handed to xterm, and earlier lines the backend counted but did not send. */
  private linesWritten = 0;
  private earlier = 0;
  private earlierDue = false;

  constructor(
    private readonly bridge: Bridge,
    private readonly term: Terminal,
    private readonly host: TerminalHost,
    private readonly onState: (s: LogViewState, error?: WharfErrorShape) => void,
    private readonly skippedNotice: (lines: number) => string,
    /** Lines of the log before the first one shown that only the full download has (0: none). */
    private readonly onEarlier: (lines: number) => void = () => {},
  ) {
    // Listen before the first logs:open: its first chunks may come before its answer.
    streamRouter(bridge);
  }

  /** Closes the current stream (if any), clears the terminal and opens the log anew. */
  async open(id: string, o: LogOptions): Promise<void> {
    this.close();
    const gen = ++this.generation;
    this.term.reset();
    this.written = 0;
    this.ended = false;
    this.queue = [];
    this.queuedLines = 0;
    this.queuedChars = 0;
    this.received = 0;
    this.acked = 0;
    this.inFlight = 0;
    this.skipped = 0;
    this.linesWritten = 0;
    this.earlier = 0;
    this.earlierDue = false;
    this.host.dataset.logDone = '0';
    this.host.dataset.written = '0';
    this.host.dataset.earlier = '0';
    this.onEarlier(0);
    this.onState('opening');
    try {
      // A tail longer than the view keeps is cut to that by the backend (and the rest counted).
      const opened = await this.bridge.call('logs:open', { id, ...o, keep: this.keepLines() });
      if (gen !== this.generation) return void this.bridge.call('logs:close', { stream: opened.stream }).catch(() => {});
      this.stream = opened.stream;
      this.onState(o.follow ? 'following' : 'opening');
      this.release = streamRouter(this.bridge).claim(opened.stream, (event, payload) => {
        if (gen !== this.generation) return;
        if (event === 'logs:chunk') this.chunk(payload as StreamChunk, opened.stream);
        else if (event === 'logs:state') this.onState((payload as { state: 'following' | 'waiting' }).state);
        else if (event === 'logs:end') this.end(payload as { reason: 'done' | 'removed' | 'error'; error?: WharfErrorShape });
      });
    } catch (e) {
      if (gen === this.generation) this.onState('error', toErrorShape(e));
    }
  }

  close(): void {
    this.generation += 1;
    this.release?.();
    this.release = null;
    if (this.stream) void this.bridge.call('logs:close', { stream: this.stream }).catch(() => {});
    this.stream = null;
  }

  private chunk(c: StreamChunk, stream: string): void {
    if (c.earlier !== undefined) {
      this.earlier = c.earlier;
      this.earlierDue = true;
      this.showEarlier(0);
      this.markDone();
    }
    if (c.data) this.write(c.data, stream);
  }

  /** Lines the view keeps: the terminal's scrollback leaves room for each to wrap once. */
  private keepLines(): number {
    return Math.max(1, Math.floor((this.term.options.scrollback ?? 1000) / ROWS_PER_LINE));
  }

  private showEarlier(dropped: number): void {
    const n = this.earlier + dropped;
    this.host.dataset.earlier = String(n);
    this.onEarlier(n);
  }

  private write(data: string, stream: string): void {
    let lines = 0;
    for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) lines++;
    this.queue.push({ data, lines });
    this.queuedLines += lines;
    this.queuedChars += data.length;
    this.received += data.length;
    this.host.dataset.received = String(this.received);
    const keep = this.keepLines() + this.term.rows;
    while (this.queue.length > 1 && this.queuedLines - (this.queue[0]?.lines ?? 0) >= keep) {
      const old = this.queue.shift();
      if (!old) break;
      this.queuedLines -= old.lines;
      this.queuedChars -= old.data.length;
      this.skipped += old.lines;
    }
    this.pump(stream);
    this.ack(stream);
  }

  /** Everything received counts as consumed except what xterm still parses and a queue overflow. */
  private ack(stream: string): void {
    const bytes = this.received - this.inFlight - Math.max(0, this.queuedChars - QUEUE_ACK_MAX);
    if (bytes <= this.acked) return;
    this.acked = bytes;
    void this.bridge.call('streams:ack', { stream, bytes }).catch(() => {});
  }

  /** Hands queued chunks to xterm, joined into one write while it has little in hand (fewer,
   *  larger writes parse faster); write callbacks acknowledge. */
  private pump(stream: string): void {
    while (this.inFlight < IN_FLIGHT_MAX) {
      if (this.queue.length === 0) return this.markDone();
      const parts: string[] = [];
      let size = 0;
      let lines = 0;
      while (this.queue.length > 0 && (parts.length === 0 || this.inFlight + size + (this.queue[0]?.data.length ?? 0) <= IN_FLIGHT_MAX)) {
        const next = this.queue.shift();
        if (!next) break;
        this.queuedLines -= next.lines;
        this.queuedChars -= next.data.length;
        parts.push(next.data);
        size += next.data.length;
        lines += next.lines;
      }
      const gen = this.generation;
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
        if (gen !== this.generation) return;
        this.inFlight -= size;
        this.written += size;
        this.host.dataset.written = String(this.written);
        this.pump(stream);
        this.ack(stream);
      });
    }
  }

  private end(p: { reason: 'done' | 'removed' | 'error'; error?: WharfErrorShape }): void {
    this.ended = true;
    this.stream = null;
    this.onState(p.reason, p.error);
    this.markDone();
  }

  /** For tests and the benchmark: every chunk of an ended log is on screen. */
  private markDone(): void {
    if (this.inFlight > 0 || this.queue.length > 0) return;
    // All written: add the lines that wrapped out of the terminal's rows to the earlier ones.
    if (this.earlierDue && this.term.buffer) {
      this.earlierDue = false;
      this.showEarlier(linesDropped(this.term, this.linesWritten));
    }
    if (this.ended) this.host.dataset.logDone = '1';
  }
}
