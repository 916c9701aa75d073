// The push:* calls. The manager is made on the first call; pushes end with their window.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';
import { PushManager } from './push-manager';

type PushCall = Extract<CallName, `push:${string}`>;

export function pushHandlers(ctx: ScopeContext): HandlerMap<PushCall> {
  let manager: PushManager | null = null;
  const pushes = (): PushManager => (manager ??= new PushManager(() => ctx.session.client(), ctx.registries));
  return {
    'push:tag': ({ source, target }) => pushes().tag(source, target),
    'push:start': ({ ref }, client) => pushes().start(client, ref),
    'push:cancel': ({ push }, client) => pushes().cancel(client, push),
  };
}
