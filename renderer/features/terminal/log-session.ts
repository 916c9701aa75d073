// Feeds one container's log into an xterm terminal, outside React: chunks go straight to
// terminal.write (through a LogFeed); characters are acknowledged once written or safely queued
// (the backend pauses the engine stream when too much is unacknowledged).
import type { Terminal } from '@xterm/xterm';
import type { LogsOpenInput } from '../../../vm-backend/api/contract.logs';
import type { LogsState, StreamChunk } from '../../../vm-backend/api/stream-types';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge';
import { errorShape } from '../../lib/error-shape';
import { ROWS_PER_LINE, linesDropped } from './lines-dropped';
import { LogFeed } from './log-feed';
import { streamRouter } from './stream-router';
import type { TerminalHost } from './create-terminal';

/** `backend-away`: the window's link to Wharf's backend is down; the log reopens when it is back. */
export type LogViewState =
  | 'opening'
  | 'following'
  | 'waiting'
  | 'engine-away'
  | 'backend-away'
  | 'done'
  | 'removed'
  | 'error';
export type LogOptions = Omit<LogsOpenInput, 'id'>;

export class LogSession {
  private stream: string | null = null;
  private release: (() => void) | null = null;
  private generation = 0;
  private ended = false;
  private feed: LogFeed | null = null;
  private acked = 0;
  /** Earlier lines the backend counted but did not send; due: not yet added to what xterm dropped. */
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
    this.ended = false;
    this.acked = 0;
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
      if (gen !== this.generation)
        return void this.bridge.call('logs:close', { stream: opened.stream }).catch(() => {});
      this.stream = opened.stream;
      const stream = opened.stream;
      const feed = new LogFeed(this.term, this.host, this.keepLines(), this.skippedNotice, () => {
        this.ack(feed, stream);
        this.markDone();
      });
      this.feed = feed;
      this.onState(o.follow ? 'following' : 'opening');
      this.release = streamRouter(this.bridge).claim(opened.stream, (event, payload) => {
        if (gen !== this.generation) return;
        if (event === 'logs:chunk') this.chunk(payload as StreamChunk, feed);
        else if (event === 'logs:state') this.onState((payload as LogsState).state);
        else if (event === 'logs:end')
          this.end(payload as { reason: 'done' | 'removed' | 'error'; error?: WharfErrorShape });
      });
    } catch (e) {
      if (gen === this.generation) this.onState('error', errorShape(e));
    }
  }

  close(): void {
    this.generation += 1;
    this.feed?.stop();
    this.feed = null;
    this.release?.();
    this.release = null;
    if (this.stream) void this.bridge.call('logs:close', { stream: this.stream }).catch(() => {});
    this.stream = null;
  }

  private chunk(c: StreamChunk, feed: LogFeed): void {
    if (c.earlier !== undefined) {
      this.earlier = c.earlier;
      this.earlierDue = true;
      this.showEarlier(0);
      this.markDone();
    }
    if (c.data) feed.push(c.data);
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

  /** Tells the backend how much of the stream is consumed (flow control). */
  private ack(feed: LogFeed, stream: string): void {
    const bytes = feed.consumed;
    if (bytes <= this.acked) return;
    this.acked = bytes;
    void this.bridge.call('streams:ack', { stream, bytes }).catch(() => {});
  }

  private end(p: { reason: 'done' | 'removed' | 'error'; error?: WharfErrorShape }): void {
    this.ended = true;
    this.stream = null;
    this.onState(p.reason, p.error);
    this.markDone();
  }

  /** For tests and the benchmark: every chunk of an ended log is on screen. */
  private markDone(): void {
    const feed = this.feed;
    if (!feed?.idle) return;
    // All written: add the lines that wrapped out of the terminal's rows to the earlier ones.
    if (this.earlierDue && this.term.buffer) {
      this.earlierDue = false;
      this.showEarlier(linesDropped(this.term, feed.linesWritten));
    }
    if (this.ended) this.host.dataset.logDone = '1';
  }
}
