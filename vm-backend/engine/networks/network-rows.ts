// A network as the view shows it, from the engine's inspect answer.
import type { NetworkEndpoint, NetworkRow } from '../../api/contract.networks';

export interface NetworkInspect {
  Id: string;
  Name: string;
  Driver?: string;
  Scope?: string;
  Created?: string;
  EnableIPv6?: boolean;
  Internal?: boolean;
  IPAM?: { Config?: { Subnet?: string; Gateway?: string }[] | null } | null;
  Options?: Record<string, string> | null;
  Containers?: Record<
    string,
    { Name?: string; MacAddress?: string; IPv4Address?: string; IPv6Address?: string }
  > | null;
}

const BUILTIN = new Set(['bridge', 'host', 'none']);

/** The Linux bridge behind a bridge network: its option, docker0 for the default one, else br-<12>. */
export function bridgeName(n: Pick<NetworkInspect, 'Id' | 'Name' | 'Driver' | 'Options'>): string | undefined {
  if (n.Driver !== 'bridge') return undefined;
  const named = n.Options?.['com.docker.network.bridge.name'];
  if (named) return named;
  return n.Name === 'bridge' ? 'docker0' : `br-${n.Id.slice(0, 12)}`;
}

const noPrefix = (a?: string): string | undefined => (a ? a.replace(/\/\d+$/, '') : undefined);

export function toNetworkRow(n: NetworkInspect): NetworkRow {
  const containers: NetworkEndpoint[] = Object.entries(n.Containers ?? {})
    .map(([id, c]) => {
      const e: NetworkEndpoint = { id, name: (c.Name ?? id.slice(0, 12)).replace(/^\//, '') };
      const ipv4 = noPrefix(c.IPv4Address);
      const ipv6 = noPrefix(c.IPv6Address);
      if (ipv4) e.ipv4 = ipv4;
      if (ipv6) e.ipv6 = ipv6;
      if (c.MacAddress) e.mac = c.MacAddress;
      return e;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const bridge = bridgeName(n);
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver ?? '',
    scope: n.Scope ?? 'local',
    subnets: (n.IPAM?.Config ?? []).flatMap((c) =>
      c.Subnet ? [{ subnet: c.Subnet, ...(c.Gateway ? { gateway: c.Gateway } : {}) }] : [],
    ),
    internal: n.Internal === true,
    ipv6: n.EnableIPv6 === true,
    builtin: BUILTIN.has(n.Name),
    ...(bridge ? { bridge } : {}),
    created: n.Created ?? '',
    containers,
  };
}
