// The pull:* calls: pulls run by the scope's PullManager, their progress sent to the caller.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';

export type PullCall = Extract<CallName, `pull:${string}`>;

export function pullHandlers({ pulls }: ScopeContext): HandlerMap<PullCall> {
  return {
    'pull:start': ({ ref }, client) => pulls.start(client, ref),
    'pull:cancel': ({ pull }, client) => pulls.cancel(client, pull),
  };
}
