import type { NetworkRow } from '../../../vm-backend/api/contract.networks';

/** Networks matching the search (name, driver, subnet, a container's name or IP), Docker's own first. */
export function filterNetworks(rows: NetworkRow[], query: string): NetworkRow[] {
  const q = query.trim().toLowerCase();
  const hit = (r: NetworkRow): boolean =>
    !q ||
    r.name.toLowerCase().includes(q) ||
    r.driver.toLowerCase().includes(q) ||
    r.subnets.some((s) => s.subnet.includes(q)) ||
    r.containers.some((c) => c.name.toLowerCase().includes(q) || (c.ipv4 ?? '').includes(q));
  return rows.filter(hit).sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name));
}

/** The subnets other networks hold, for the create dialog's overlap check. */
export const takenSubnets = (rows: NetworkRow[]): { network: string; subnet: string }[] =>
  rows.flatMap((r) => r.subnets.map((s) => ({ network: r.name, subnet: s.subnet })));
