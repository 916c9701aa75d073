// Parses /proc/net/{tcp,tcp6,udp,udp6} as printed by `cat` (concatenated): the sockets that hold
// a port on the engine's host. Pure.
import type { HostListener } from '../../api/rules/run-ports';

const TCP_LISTEN = '0A';
const UDP_UNCONNECTED = '07';

/** "0100007F" (little-endian words) -> "127.0.0.1"; 32 hex digits -> an IPv6 address. */
export function hexToIp(hex: string): string | null {
  if (/^[0-9A-Fa-f]{8}$/.test(hex)) {
    const n = parseInt(hex, 16);
    return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
  }
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) return null;
  const groups: string[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    // Each 32-bit word is in host (little-endian) order.
    const bytes = [word.slice(6, 8), word.slice(4, 6), word.slice(2, 4), word.slice(0, 2)];
    groups.push(`${bytes[0]}${bytes[1]}`, `${bytes[2]}${bytes[3]}`);
  }
  const g = groups.map((x) => parseInt(x, 16));
  if (g.every((x) => x === 0)) return '::';
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    // ::ffff:a.b.c.d, an IPv4 address on an IPv6 socket.
    return `${(g[6] ?? 0) >> 8}.${(g[6] ?? 0) & 255}.${(g[7] ?? 0) >> 8}.${(g[7] ?? 0) & 255}`;
  }
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return '::1';
  return g.map((x) => x.toString(16)).join(':');
}

export function parseProcNet(text: string): HostListener[] {
  const out: HostListener[] = [];
  const seen = new Set<string>();
  let udp = false;
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === 'sl') {
      // The udp tables have a "drops" column; the tcp ones do not.
      udp = cols.includes('drops');
      continue;
    }
    const local = cols[1];
    const state = cols[3];
    if (!local || !state || !/^\d+:$/.test(cols[0] ?? '')) continue;
    if (state !== (udp ? UDP_UNCONNECTED : TCP_LISTEN)) continue;
    const [hex, portHex] = local.split(':');
    const ip = hex ? hexToIp(hex) : null;
    const port = parseInt(portHex ?? '', 16);
    if (ip === null || !Number.isInteger(port) || port < 1 || port > 65535) continue;
    const protocol = udp ? 'udp' : 'tcp';
    const key = `${ip}|${port}|${protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ip, port, protocol });
  }
  return out;
}
