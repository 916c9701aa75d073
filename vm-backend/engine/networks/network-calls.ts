// The networks:* calls' Engine API work: create (subnet and gateway checked first), remove (in use:
// the containers named), prune, connect (with an alias) and disconnect.
import type { CallParsed } from '../../api/contract';
import { checkSubnet } from '../../api/rules/network-subnets';
import type { EngineSession } from '../session';
import type { NetworkCache } from './network-cache';
import { networkError, networkInUse, subnetInvalid } from './network-errors';

type Create = CallParsed<'networks:create'>;

/** The subnets other networks hold, to name an overlap before the engine says "Pool overlaps". */
const takenSubnets = (cache: NetworkCache): { network: string; subnet: string }[] =>
  cache.values().flatMap((n) => n.subnets.map((s) => ({ network: n.name, subnet: s.subnet })));

export async function createNetwork(
  session: EngineSession,
  cache: NetworkCache,
  input: Create,
): Promise<{ id: string; name: string }> {
  await cache.listing();
  const subnet = input.subnet?.trim() || undefined;
  const gateway = input.gateway?.trim() || undefined;
  const problem = checkSubnet({ subnet, gateway }, takenSubnets(cache));
  if (problem) throw subnetInvalid(problem);
  try {
    const net = await session.client().createNetwork({
      Name: input.name,
      Driver: 'bridge',
      CheckDuplicate: true,
      Internal: input.internal,
      ...(input.labels ? { Labels: input.labels } : {}),
      ...(subnet
        ? { IPAM: { Driver: 'default', Config: [{ Subnet: subnet, ...(gateway ? { Gateway: gateway } : {}) }] } }
        : {}),
    });
    await cache.refreshNow(net.id);
    return { id: net.id, name: input.name };
  } catch (err) {
    throw networkError(err, { subject: input.name, endpoint: session.conn.endpoint });
  }
}

export async function removeNetwork(
  session: EngineSession,
  cache: NetworkCache,
  ref: string,
): Promise<{ removed: string }> {
  const docker = session.client();
  const known = cache.values().find((n) => n.id === ref || n.name === ref || n.id.startsWith(ref));
  const name = known?.name ?? ref;
  try {
    await docker.getNetwork(ref).remove();
    return { removed: known?.id ?? ref };
  } catch (err) {
    const e = networkError(err, { subject: name, endpoint: session.conn.endpoint });
    if (/active endpoints/i.test(e.detail)) {
      // The engine says "has active endpoints" and no more: name them from a fresh inspect.
      const info = (await docker
        .getNetwork(ref)
        .inspect()
        .catch(() => null)) as { Containers?: Record<string, { Name?: string }> } | null;
      const names = Object.values(info?.Containers ?? {}).map((c) => (c.Name ?? '').replace(/^\//, ''));
      throw networkInUse(name, names.filter(Boolean), e.detail);
    }
    throw e;
  }
}

export async function pruneNetworks(session: EngineSession, label?: string): Promise<{ deleted: string[] }> {
  try {
    const r = (await session.client().pruneNetworks(label ? { filters: { label: [label] } } : {})) as {
      NetworksDeleted?: string[] | null;
    };
    return { deleted: r.NetworksDeleted ?? [] };
  } catch (err) {
    throw networkError(err, { endpoint: session.conn.endpoint });
  }
}

export async function connectNetwork(
  session: EngineSession,
  input: CallParsed<'networks:connect'>,
): Promise<{ ok: true }> {
  const container = session.containerName(input.container) ?? input.container;
  try {
    await session
      .client()
      .getNetwork(input.network)
      .connect({
        Container: input.container,
        ...(input.alias ? { EndpointConfig: { Aliases: [input.alias] } } : {}),
      });
    return { ok: true };
  } catch (err) {
    throw networkError(err, { subject: input.network, container, endpoint: session.conn.endpoint });
  }
}

export async function disconnectNetwork(
  session: EngineSession,
  input: CallParsed<'networks:disconnect'>,
): Promise<{ ok: true }> {
  const container = session.containerName(input.container) ?? input.container;
  try {
    await session.client().getNetwork(input.network).disconnect({ Container: input.container, Force: input.force });
    return { ok: true };
  } catch (err) {
    throw networkError(err, { subject: input.network, container, endpoint: session.conn.endpoint });
  }
}
