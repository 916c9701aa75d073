// A file's download cut out of the engine's archive without unpacking it. The archive of one
// regular file is its header (after PAX or GNU long-name records when the name is long), the bytes,
// zero padding and the end blocks. tar-stream reads the header(s); the content is then passed on as
// the engine's own buffers (subarray, no copy) up to the header's size, and everything after it
// must be zeros. Another type or name, a second entry, a short body: refused. The content's last
// piece is held back until the archive ended well, so a refused archive is never a whole download.
import { extract, type Header } from 'tar-stream';
import { archiveUnsafe, copyFailed } from './file-errors';
import { safeEntryName } from './tar-safety';

/** Header bytes (PAX records included) before the content must start. */
const MAX_HEADER_BYTES = 1024 * 1024;

export interface OneFileSink {
  /** A piece of the file; false: stop sending until the receiver asks again. */
  content(piece: Buffer): boolean;
  end(): void;
  fail(err: Error): void;
}

type State = 'header' | 'content' | 'trailer' | 'done';

export class OneFileTar {
  /** The file's size from its header, once the header is read and checked. */
  readonly header: Promise<number>;
  private state: State = 'header';
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly ex = extract();
  private left = 0;
  private held: Buffer | null = null;
  private trailer = 0;
  private pad = 0;
  private ended = false;
  private settle!: { ok(size: number): void; no(err: Error): void };

  /** `name`: the file's own name, as the engine names the one entry; `path`: shown in errors. */
  constructor(
    private readonly name: string,
    private readonly path: string,
    private readonly sink: OneFileSink,
  ) {
    this.header = new Promise((ok, no) => (this.settle = { ok, no }));
    this.header.catch(() => {});
    this.ex.on('entry', (h, body) => {
      body.on('error', () => {});
      this.ex.destroy();
      this.onHeader(h);
    });
    this.ex.on('error', (e) => this.fail(copyFailed(this.path, `the archive is not a tar: ${e.message}`)));
    this.ex.on('finish', () => this.fail(copyFailed(this.path, 'the archive was empty')));
  }

  /** The engine's next bytes; false when the receiver wants no more for now. */
  write(chunk: Buffer): boolean {
    if (this.state === 'header') {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes > MAX_HEADER_BYTES) this.fail(archiveUnsafe('(a header over 1 MiB)'));
      else this.ex.write(chunk);
      return true;
    }
    return this.take(chunk);
  }

  /** The engine's stream ended (perhaps before tar-stream has read the header it was sent). */
  end(): void {
    if (this.state !== 'header') this.finish();
    else {
      this.ended = true;
      this.ex.end(undefined);
    }
  }

  fail(err: Error): void {
    if (this.state === 'done') return;
    const wasHeader = this.state === 'header';
    this.state = 'done';
    this.pending = [];
    this.held = null;
    if (wasHeader) {
      this.ex.destroy();
      this.settle.no(err);
    }
    this.sink.fail(err);
  }

  private finish(): void {
    if (this.state === 'content') {
      this.fail(copyFailed(this.path, `the archive ended ${this.left} bytes early`));
      return;
    }
    if (this.state !== 'trailer') return;
    this.state = 'done';
    if (this.held) this.sink.content(this.held);
    this.held = null;
    this.sink.end();
  }

  private onHeader(h: Header): void {
    if (this.state !== 'header') return;
    let entry: string;
    try {
      entry = safeEntryName(h.name);
    } catch (e) {
      this.fail(e as Error);
      return;
    }
    if (entry !== this.name || (h.type !== 'file' && h.type !== 'contiguous-file') || typeof h.size !== 'number') {
      this.fail(archiveUnsafe(h.name));
      return;
    }
    const pending = this.pending;
    this.pending = [];
    this.left = h.size;
    this.pad = (512 - (h.size % 512)) % 512;
    this.state = h.size > 0 ? 'content' : 'trailer';
    this.settle.ok(h.size);
    // The content starts `byteOffset` bytes into the archive: skip that much of what came so far.
    let skip = (h as Header & { byteOffset: number }).byteOffset;
    for (const c of pending) {
      if (skip >= c.length) skip -= c.length;
      else {
        this.take(skip ? c.subarray(skip) : c);
        skip = 0;
      }
    }
    if (this.ended) this.finish();
  }

  private take(chunk: Buffer): boolean {
    let rest = chunk;
    if (this.state === 'content') {
      if (rest.length < this.left) {
        this.left -= rest.length;
        return this.sink.content(rest);
      }
      // The last piece: held until the end shows that nothing follows it (copied: the reader may
      // reuse the memory it came in before then).
      this.held = Buffer.from(rest.subarray(0, this.left));
      rest = rest.subarray(this.left);
      this.left = 0;
      this.state = 'trailer';
    }
    if (this.state !== 'trailer') return false;
    const bad = rest.findIndex((b) => b !== 0);
    if (bad < 0) {
      this.trailer += rest.length;
      return true;
    }
    // A second entry: its name opens its header block, the first block after the padding.
    const at = this.trailer + bad;
    const block = at < this.pad ? -1 : this.pad + Math.floor((at - this.pad) / 512) * 512 - this.trailer;
    const field = block >= 0 ? rest.subarray(block, block + 100) : Buffer.alloc(0);
    const nul = field.indexOf(0);
    const second = field.subarray(0, nul < 0 ? field.length : nul).toString('utf8');
    this.fail(archiveUnsafe(second || '(data after the file)'));
    return false;
  }
}
