// The stats:* calls: live resource use, docker top, and docker update.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';
import { hostFacts, limitsOf, StatsPoller, topOf, updateLimits } from './stats-calls';
import { openStats } from './stats-stream';

export type StatsCall = Extract<CallName, `stats:${string}`>;

export function statsHandlers({ session, streams }: ScopeContext): HandlerMap<StatsCall> {
  const facts = hostFacts(() => session.client());
  const poller = new StatsPoller(() => session.client(), facts);
  return {
    'stats:sample': ({ ids }) => poller.sample(ids),
    'stats:open': ({ id }, client) => openStats(session, streams, facts, client, id),
    'stats:close': ({ stream }, client) => {
      streams.get(client, stream);
      streams.remove(stream);
      return null;
    },
    'stats:top': ({ id }) => topOf(session.client(), id),
    'stats:limits': ({ id }) => limitsOf(session.client(), id),
    'stats:update': ({ id, limits }) => updateLimits(session.client(), facts, id, limits),
  };
}
