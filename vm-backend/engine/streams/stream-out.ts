// The backend half of a stream's path to one client: batch (one event per ~16 ms or 64 KB, as
// hyper's DataBatcher does) and flow control (pause the engine stream while the client has not
// acknowledged enough of what it was sent; resume when it catches up).

export interface StreamOutOptions {
  send(data: string): void;
  pause(): void;
  resume(): void;
  intervalMs?: number;
  maxBatch?: number;
  /** Unacknowledged characters at which the source is paused, and at which it resumes. */
  highWater?: number;
  lowWater?: number;
}

export class StreamOut {
  private parts: string[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | null = null;
  private paused = false;
  private closed = false;
  /** Characters sent to and acknowledged by the client (counted in UTF-16 units on both sides). */
  sent = 0;
  acked = 0;
  private readonly interval: number;
  private readonly maxBatch: number;
  private readonly high: number;
  private readonly low: number;

  constructor(private readonly o: StreamOutOptions) {
    this.interval = o.intervalMs ?? 16;
    this.maxBatch = o.maxBatch ?? 64 * 1024;
    this.high = o.highWater ?? 1024 * 1024;
    this.low = o.lowWater ?? 256 * 1024;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  write(text: string): void {
    if (this.closed || text.length === 0) return;
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.interval);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.size === 0 || this.closed) return;
    const data = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.sent += data.length;
    this.o.send(data);
    if (!this.paused && this.sent - this.acked >= this.high) {
      this.paused = true;
      this.o.pause();
    }
  }

  /** `total`: all characters the client has written so far (cumulative, so a lost ack heals). */
  ack(total: number): void {
    if (total > this.acked) this.acked = Math.min(total, this.sent);
    if (this.paused && this.sent - this.acked <= this.low) {
      this.paused = false;
      if (!this.closed) this.o.resume();
    }
  }

  close(): void {
    this.flush();
    this.closed = true;
  }
}
