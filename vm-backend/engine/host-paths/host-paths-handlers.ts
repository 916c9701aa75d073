// The host:* calls: served beside the engine (wiring/backend.ts), since they read the backend's
// own machine whatever engine is active.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import { completePath } from './host-paths-calls';

type HostCall = Extract<CallName, `host:${string}`>;

export function hostPathHandlers(home?: string): HandlerMap<HostCall> {
  return {
    'host:complete-path': (input) => completePath(input, home),
  };
}
