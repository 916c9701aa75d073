// Subnets and gateways for `docker network create`, checked the same way in the dialog and the
// backend: a malformed CIDR, a gateway outside its subnet, or a subnet that overlaps one another
// network already has is refused before the engine is asked (its own answer is mapped too).

export interface Cidr {
  family: 4 | 6;
  /** The network address (host bits cleared) as a number. */
  base: bigint;
  prefix: number;
  text: string;
}

const bits = (family: 4 | 6): number => (family === 4 ? 32 : 128);

export function parseIpv4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith('0'))) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

export function parseIpv6(s: string): bigint | null {
  if (!/^[0-9a-fA-F:]+$/.test(s) || s.includes(':::')) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string): string[] | null => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let v = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return v;
}

export function parseIp(s: string): { family: 4 | 6; value: bigint } | null {
  const v4 = parseIpv4(s);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = parseIpv6(s);
  return v6 === null ? null : { family: 6, value: v6 };
}

/** `10.1.0.0/24` or `fd00::/64`; host bits must be zero, as the engine wants. */
export function parseCidr(text: string): Cidr | null {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return null;
  const ip = parseIp(m[1]);
  const prefix = Number(m[2]);
  if (!ip || prefix > bits(ip.family)) return null;
  const hostBits = BigInt(bits(ip.family) - prefix);
  const mask = (1n << hostBits) - 1n;
  if ((ip.value & mask) !== 0n) return null;
  return { family: ip.family, base: ip.value, prefix, text: text.trim() };
}

const size = (c: Cidr): bigint => 1n << BigInt(bits(c.family) - c.prefix);

export function contains(c: Cidr, ip: { family: 4 | 6; value: bigint }): boolean {
  return c.family === ip.family && ip.value >= c.base && ip.value < c.base + size(c);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.base < b.base + size(b) && b.base < a.base + size(a);
}

export type SubnetProblem =
  | { kind: 'subnet-malformed'; subnet: string }
  | { kind: 'gateway-malformed'; gateway: string }
  | { kind: 'gateway-without-subnet'; gateway: string }
  | { kind: 'gateway-outside'; gateway: string; subnet: string }
  | { kind: 'gateway-is-network'; gateway: string; subnet: string }
  | { kind: 'subnet-overlap'; subnet: string; network: string; other: string };

/** The first problem with a create's subnet and gateway, given the subnets other networks hold. */
export function checkSubnet(
  input: { subnet?: string | undefined; gateway?: string | undefined },
  taken: readonly { network: string; subnet: string }[] = [],
): SubnetProblem | null {
  const subnet = input.subnet?.trim() || undefined;
  const gateway = input.gateway?.trim() || undefined;
  if (gateway && !subnet) return { kind: 'gateway-without-subnet', gateway };
  if (!subnet) return null;
  const c = parseCidr(subnet);
  if (!c) return { kind: 'subnet-malformed', subnet };
  if (gateway) {
    const g = parseIp(gateway);
    if (!g) return { kind: 'gateway-malformed', gateway };
    if (!contains(c, g)) return { kind: 'gateway-outside', gateway, subnet };
    if (g.value === c.base) return { kind: 'gateway-is-network', gateway, subnet };
  }
  for (const t of taken) {
    const other = parseCidr(t.subnet);
    if (other && overlaps(c, other)) return { kind: 'subnet-overlap', subnet, network: t.network, other: t.subnet };
  }
  return null;
}
