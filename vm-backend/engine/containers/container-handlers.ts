// The containers:* calls, on the scope's engine.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';
import { containerAction, inspectContainer, listContainers, removeContainers } from './container-calls';

export type ContainerCall = Extract<CallName, `containers:${string}`>;

export function containerHandlers({ session, numberListing }: ScopeContext): HandlerMap<ContainerCall> {
  return {
    'containers:list': () => numberListing(listContainers(session)),
    'containers:inspect': ({ id }) => inspectContainer(session, id),
    'containers:action': ({ ids, action }) => containerAction(session, ids, action),
    'containers:remove': ({ ids, force, removeVolumes }) => removeContainers(session, ids, force, removeVolumes),
  };
}
