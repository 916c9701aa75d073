// Several containers' logs in one terminal: each complete line goes out with its service's
// prefix and colour; a partial line waits for its end, so two containers never share a line.

/** ANSI colours for service prefixes (as compose itself: cyan, yellow, green, magenta, blue...). */
const COLOURS = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94];

/** A stable colour for a service name. */
export function serviceColour(service: string): number {
  let h = 0;
  for (let i = 0; i < service.length; i++) h = (h * 31 + service.charCodeAt(i)) >>> 0;
  return COLOURS[h % COLOURS.length] ?? 36;
}

/** `web-1 | ` in the service's colour, padded to `width`. */
export function servicePrefix(label: string, service: string, width: number): string {
  return `\x1b[${serviceColour(service)}m${label.padEnd(width)} |\x1b[39m `;
}

/** One container's side of the merged stream. */
export class LineMerger {
  private partial = '';

  constructor(
    private prefix: string,
    private readonly out: (text: string) => void,
  ) {}

  setPrefix(prefix: string): void {
    this.prefix = prefix;
  }

  write(text: string): void {
    const data = this.partial + text;
    const end = data.lastIndexOf('\n');
    if (end < 0) {
      this.partial = data;
      return;
    }
    this.partial = data.slice(end + 1);
    const lines = data.slice(0, end + 1);
    let s = '';
    let i = 0;
    while (i < lines.length) {
      const nl = lines.indexOf('\n', i);
      s += this.prefix + lines.slice(i, nl + 1);
      i = nl + 1;
    }
    this.out(s);
  }

  /** The stream ended: a last line without its newline goes out as it is. */
  flush(): void {
    if (!this.partial) return;
    const rest = this.partial;
    this.partial = '';
    this.out(`${this.prefix}${rest}\n`);
  }
}
