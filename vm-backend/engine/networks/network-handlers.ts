// The networks:* calls, on the scope's engine; the list is kept current from network events.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';
import { NetworkCache } from './network-cache';
import { connectNetwork, createNetwork, disconnectNetwork, pruneNetworks, removeNetwork } from './network-calls';
import { networkPicture } from './network-picture';

export type NetworkCall = Extract<CallName, `networks:${string}`>;

export function networkHandlers(ctx: ScopeContext): HandlerMap<NetworkCall> {
  const { emit, numberListing } = ctx;
  // Made on the first call (the wiring builds handlers before any engine is there); its patches are
  // numbered after the previous engine's lists, as the listing is (wiring/scope-seq.ts).
  let made: NetworkCache | null = null;
  const cache = (): NetworkCache =>
    (made ??= new NetworkCache(ctx.session, (c) =>
      emit('networks:changed', { ...c, seq: numberListing({ rows: [], seq: c.seq }).seq }),
    ));
  return {
    'networks:list': async () => numberListing(await cache().listing()),
    'networks:create': (input) => createNetwork(ctx.session, cache(), input),
    'networks:remove': ({ network }) => removeNetwork(ctx.session, cache(), network),
    'networks:prune': ({ label }) => pruneNetworks(ctx.session, label),
    'networks:connect': (input) => connectNetwork(ctx.session, input),
    'networks:disconnect': (input) => disconnectNetwork(ctx.session, input),
    'networks:picture': ({ network }) => networkPicture(ctx.session, network),
  };
}
