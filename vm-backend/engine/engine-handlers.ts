// The engine:* calls: the engine's state, and a retry now instead of at the next planned attempt.
import type { HandlerMap } from '../api/handler';
import type { EngineStatus } from '../api/types';
import type { ScopeContext } from './scope-context';

export type EngineCall = 'engine:status' | 'engine:retry';

/** An engine state as windows see it: with the name of the target it belongs to. */
export const withTarget = (s: EngineStatus, target: string): EngineStatus => ({ ...s, target });

export function engineHandlers({ session, target }: ScopeContext): HandlerMap<EngineCall> {
  return {
    'engine:status': () => withTarget(session.status, target),
    'engine:retry': async () => withTarget(await session.retryNow(), target),
  };
}
