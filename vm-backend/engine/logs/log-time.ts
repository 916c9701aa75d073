// Engine log timestamps (RFC 3339 with up to nanoseconds) as exact nanosecond counts, so a
// re-opened follow stream can skip exactly the messages already shown.

const TS = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/** Nanoseconds since the epoch, or null when `text` is not an engine timestamp. */
export function parseLogTime(text: string): bigint | null {
  const m = TS.exec(text);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) return null;
  return BigInt(ms) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** The engine's `since` query value: seconds with a nanosecond fraction. */
export function sinceParam(nanos: bigint): string {
  const s = nanos / 1_000_000_000n;
  const frac = (nanos % 1_000_000_000n).toString().padStart(9, '0');
  return `${s}.${frac}`;
}
