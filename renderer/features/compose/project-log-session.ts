// A project's merged logs into one xterm terminal, outside React: the backend's compose:logs-open
// stream arrives as logs:chunk events (routed by stream id), written through a LogFeed and
// acknowledged for flow control, as a single container's log is.
import type { Terminal } from '@xterm/xterm';
import type { StreamChunk } from '../../../vm-backend/api/stream-types';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge';
import { errorShape } from '../../lib/error-shape';
import type { TerminalHost } from '../terminal/create-terminal';
import { LogFeed } from '../terminal/log-feed';
import { streamRouter } from '../terminal/stream-router';

export class ProjectLogSession {
  private stream: string | null = null;
  private release: (() => void) | null = null;
  private generation = 0;
  private acked = 0;

  constructor(
    private readonly bridge: Bridge,
    private readonly term: Terminal,
    private readonly host: TerminalHost,
    private readonly keepLines: number,
    private readonly skippedNotice: (lines: number) => string,
    private readonly onError: (e: WharfErrorShape | null) => void,
  ) {
    streamRouter(bridge);
  }

  async open(project: string, services: string[]): Promise<void> {
    this.close();
    const gen = ++this.generation;
    this.term.reset();
    this.acked = 0;
    this.onError(null);
    try {
      const { stream } = await this.bridge.call('compose:logs-open', { project, services, tail: 500 });
      if (gen !== this.generation) return void this.bridge.call('logs:close', { stream }).catch(() => {});
      this.stream = stream;
      const feed: LogFeed = new LogFeed(this.term, this.host, this.keepLines, this.skippedNotice, () => {
        const bytes = feed.consumed;
        if (bytes > this.acked) {
          this.acked = bytes;
          void this.bridge.call('streams:ack', { stream, bytes }).catch(() => {});
        }
      });
      this.release = streamRouter(this.bridge).claim(stream, (event, payload) => {
        if (gen !== this.generation) return;
        if (event === 'logs:chunk' && (payload as StreamChunk).data) feed.push((payload as StreamChunk).data);
      });
    } catch (e) {
      if (gen === this.generation) this.onError(errorShape(e));
    }
  }

  close(): void {
    this.generation += 1;
    this.release?.();
    this.release = null;
    if (this.stream) void this.bridge.call('logs:close', { stream: this.stream }).catch(() => {});
    this.stream = null;
  }
}
