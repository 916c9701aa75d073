// xterm's scrollback counts rows, and a line wider than the terminal takes several: when the rows
// run out, the oldest lines leave the top. The log view tells how many earlier lines are only in
// the download, so it adds these to the ones the backend never sent.
import type { Terminal } from '@xterm/xterm';

/** The terminal's scrollback (rows) per line the log view keeps: room for lines that wrap once. */
export const ROWS_PER_LINE = 2;

/** Lines of the `linesWritten` (each ended by '\n') the terminal no longer holds whole. */
export function linesDropped(term: Pick<Terminal, 'buffer'>, linesWritten: number): number {
  const b = term.buffer.active;
  // The row after the last '\n' is the cursor's; each row before it that is not a wrapped
  // continuation starts a line (a continuation on row 0 is the rest of a dropped line).
  const end = b.baseY + b.cursorY;
  let starts = 0;
  for (let i = 0; i < end; i++) if (!b.getLine(i)?.isWrapped) starts++;
  return Math.max(0, linesWritten - starts);
}
