// The Engine's stream framing for logs, attach and exec. Tty=false: each frame is an 8-byte header
// [type, 0, 0, 0, size (uint32 big-endian)] and `size` bytes of payload; Tty=true: raw bytes.
// Frames may be split anywhere across chunks (even inside the header); payload is passed on as it
// arrives, never gathered, so a 10 MB frame costs no 10 MB buffer.

export type StreamKind = 'stdout' | 'stderr';

/** `start` is true for the first piece of a frame (a log message starts there). */
export type FrameSink = (kind: StreamKind, data: Buffer, start: boolean) => void;

const HEADER = 8;

export class Demuxer {
  private header = Buffer.alloc(HEADER);
  private headerFill = 0;
  private remaining = 0;
  private kind: StreamKind = 'stdout';
  private raw: boolean;
  private atRawStart = true;

  constructor(
    tty: boolean,
    private readonly sink: FrameSink,
  ) {
    this.raw = tty;
  }

  /** True once the stream turned out (or was declared) to be raw. */
  get isRaw(): boolean {
    return this.raw;
  }

  push(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.raw) {
        this.sink('stdout', pos === 0 ? chunk : chunk.subarray(pos), this.atRawStart);
        this.atRawStart = false;
        return;
      }
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - pos);
        const start = this.remaining === this.frameSize();
        this.sink(this.kind, chunk.subarray(pos, pos + n), start);
        this.remaining -= n;
        pos += n;
        continue;
      }
      const n = Math.min(HEADER - this.headerFill, chunk.length - pos);
      chunk.copy(this.header, this.headerFill, pos, pos + n);
      this.headerFill += n;
      pos += n;
      if (this.headerFill < HEADER) return;
      this.headerFill = 0;
      const type = this.header[0] ?? 255;
      if (type > 2 || this.header[1] !== 0 || this.header[2] !== 0 || this.header[3] !== 0) {
        // Not a frame header: the stream is raw after all (a TTY we were not told about).
        this.raw = true;
        this.sink('stdout', Buffer.from(this.header), true);
        this.atRawStart = false;
        continue;
      }
      this.kind = type === 2 ? 'stderr' : 'stdout';
      this.remaining = this.header.readUInt32BE(4);
    }
  }

  /** Bytes of an unfinished header or frame when the stream ended (0 when it ended cleanly). */
  get pending(): number {
    return this.headerFill + this.remaining;
  }

  private frameSize(): number {
    return this.header.readUInt32BE(4);
  }
}
