// The run:* calls: what the run form needs from the engine, and `docker run` itself.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';
import { formFromContainer, hostPorts, imageRunInfo, listNetworks } from './run-calls';
import { runContainer } from './run-create';

export type RunCall = Extract<CallName, `run:${string}`>;

export function runHandlers({ session, pulls }: ScopeContext): HandlerMap<RunCall> {
  return {
    'run:image-info': ({ image }) => imageRunInfo(session, image),
    'run:host-ports': ({ image, maxAgeMs }) => hostPorts(session, image, maxAgeMs),
    // Like `docker run`, a missing image is pulled first; its progress goes to the calling window.
    'run:create': ({ form, keepOnFailure }, client) =>
      runContainer(session, form, keepOnFailure, client ? (ref) => pulls.pullAndWait(client, ref) : undefined),
    'run:from-container': ({ id }) => formFromContainer(session, id),
    'run:networks': () => listNetworks(session),
  };
}
