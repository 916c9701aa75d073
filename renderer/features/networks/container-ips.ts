// A container's address on each of its networks, read from its inspect answer (the containers
// details panel shows "lab 10.9.0.2" where it showed only "lab").

interface Endpoint {
  IPAddress?: string;
  GlobalIPv6Address?: string;
}

/** "name ipv4 ipv6" per network, in the engine's order; a network without an address by name only. */
export function containerIps(raw: unknown): string[] {
  const nets = (raw as { NetworkSettings?: { Networks?: Record<string, Endpoint | null> } } | null)?.NetworkSettings
    ?.Networks;
  if (!nets || typeof nets !== 'object') return [];
  return Object.entries(nets).map(([name, e]) => [name, e?.IPAddress, e?.GlobalIPv6Address].filter(Boolean).join(' '));
}
