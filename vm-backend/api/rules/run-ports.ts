// Port rows -> numbers, and the checks a beginner needs before pressing Run: which host ports
// are taken (and by whom), duplicates in one dialog, and the next free port. Pure.
import type { PortRow, Protocol } from './run-form';
import type { ContainerRow } from '../types';

interface PortRange {
  start: number;
  end: number;
}

export type PortParse =
  | { ok: true; range: PortRange }
  | { ok: false; reason: 'empty' | 'notNumber' | 'outOfRange' | 'backwards' };

/** "5000" or "5000-5002" -> a range of valid ports (1-65535). */
export function parsePortSpec(text: string): PortParse {
  const s = text.trim();
  if (!s) return { ok: false, reason: 'empty' };
  const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(s);
  if (!m?.[1]) return { ok: false, reason: 'notNumber' };
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : start;
  if (start < 1 || start > 65535 || end < 1 || end > 65535) return { ok: false, reason: 'outOfRange' };
  if (end < start) return { ok: false, reason: 'backwards' };
  return { ok: true, range: { start, end } };
}

/** A listening socket on the engine's host, as read from /proc/net/{tcp,tcp6,udp,udp6}. */
export interface HostListener {
  ip: string;
  port: number;
  protocol: Protocol;
  /** A program on THIS computer, where Wharf forwards a remote engine's ports (127.0.0.1 and
   *  [::1]): it blocks the forward whatever address the container binds on the engine's host. */
  here?: boolean;
}

export type PortOwner = { kind: 'container'; name: string } | { kind: 'process'; here?: boolean };

const isWildcard = (ip: string): boolean => ip === '' || ip === '0.0.0.0' || ip === '::';

/** Two binds clash when they share port and protocol and either is a wildcard or they are equal. */
function addressesClash(a: string, b: string): boolean {
  return isWildcard(a) || isWildcard(b) || a === b;
}

/** Who holds host port `port` for `hostIp`, if anyone: a container first (it can be named). */
function portOwner(
  hostIp: string,
  port: number,
  protocol: Protocol,
  containers: Iterable<ContainerRow>,
  listeners: readonly HostListener[],
): PortOwner | null {
  for (const c of containers) {
    if (c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting') continue;
    for (const p of c.ports) {
      if (p.hostPort === port && p.protocol === protocol && addressesClash(p.hostIp, hostIp))
        return { kind: 'container', name: c.name };
    }
  }
  for (const l of listeners) {
    if (l.port !== port || l.protocol !== protocol) continue;
    if (l.here) return { kind: 'process', here: true };
    if (addressesClash(l.ip, hostIp)) return { kind: 'process' };
  }
  return null;
}

/** Every host port the rows ask for, by row: [rowIndex, port] (ranges expanded). */
export function requestedHostPorts(
  rows: readonly PortRow[],
): { row: number; port: number; protocol: Protocol; hostIp: string }[] {
  const out: { row: number; port: number; protocol: Protocol; hostIp: string }[] = [];
  rows.forEach((r, row) => {
    const p = parsePortSpec(r.hostPort);
    if (!p.ok || p.range.end - p.range.start > 1000) return;
    for (let port = p.range.start; port <= p.range.end; port++)
      out.push({ row, port, protocol: r.protocol, hostIp: r.hostIp });
  });
  return out;
}

export interface PortConflict {
  row: number;
  port: number;
  owner: PortOwner | { kind: 'duplicate'; row: number };
}

/** Host ports taken by containers or processes, and the same host port asked for twice. */
export function findPortConflicts(
  rows: readonly PortRow[],
  containers: Iterable<ContainerRow>,
  listeners: readonly HostListener[],
): PortConflict[] {
  const list = [...containers];
  const asked = requestedHostPorts(rows);
  const out: PortConflict[] = [];
  const seen = new Set<number>();
  asked.forEach((a, i) => {
    if (seen.has(a.row)) return;
    const dup = asked.findIndex(
      (b, j) =>
        j < i &&
        b.row !== a.row &&
        b.port === a.port &&
        b.protocol === a.protocol &&
        addressesClash(a.hostIp, b.hostIp),
    );
    const prev = asked[dup];
    if (prev) {
      out.push({ row: a.row, port: a.port, owner: { kind: 'duplicate', row: prev.row } });
      seen.add(a.row);
      return;
    }
    const owner = portOwner(a.hostIp, a.port, a.protocol, list, listeners);
    if (owner) {
      out.push({ row: a.row, port: a.port, owner });
      seen.add(a.row);
    }
  });
  return out;
}

/** The first port >= from that nobody holds and that is not in `avoid`; null if none up to 65535. */
export function nextFreePort(
  from: number,
  hostIp: string,
  protocol: Protocol,
  containers: Iterable<ContainerRow>,
  listeners: readonly HostListener[],
  avoid: ReadonlySet<number> = new Set(),
): number | null {
  const list = [...containers];
  for (let p = Math.max(1, Math.floor(from)); p <= 65535; p++) {
    if (!avoid.has(p) && !portOwner(hostIp, p, protocol, list, listeners)) return p;
  }
  return null;
}

/** Where "pick a free port" starts looking for a row. */
export function pickStart(row: PortRow): number {
  const host = parsePortSpec(row.hostPort);
  if (host.ok) return host.range.start;
  const ctr = parsePortSpec(row.containerPort);
  if (ctr.ok && ctr.range.start >= 1024) return ctr.range.start;
  return 8000;
}

/** Free host ports for every row, each distinct: what "Run another" fills in. */
export function assignFreePorts(
  rows: readonly PortRow[],
  containers: Iterable<ContainerRow>,
  listeners: readonly HostListener[],
): PortRow[] {
  const list = [...containers];
  const used = new Set<number>();
  return rows.map((r) => {
    const host = parsePortSpec(r.hostPort);
    if (!host.ok || host.range.start !== host.range.end) return r;
    const p = nextFreePort(host.range.start, r.hostIp, r.protocol, list, listeners, used);
    if (p === null) return r;
    used.add(p);
    return { ...r, hostPort: String(p) };
  });
}
