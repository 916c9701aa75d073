// What every domain's handlers are made from: one engine scope's session, streams, log tickets,
// pulls and the rest. The wiring builds one per engine (wiring/engine-scope.ts) and hands it to
// each domain in wiring/scope-domains.ts; a domain takes the fields it needs.
import type { EventName, Events } from '../api/contract';
import type { Listing } from '../api/types';
import type { RegistryContext } from '../registry/registry-handlers';
import type { LogTickets } from './logs/log-file';
import type { PullManager } from './pull/pull-manager';
import type { EngineSession } from './session';
import type { StreamRegistry } from './streams/streams';

export interface ScopeContext extends RegistryContext {
  /** The engine's target name: every engine status carries it. */
  readonly target: string;
  readonly session: EngineSession;
  /** Per-client streams (logs, shells): who owns each, and their flow control. */
  readonly streams: StreamRegistry;
  /** One-use tickets for a container's full log as a download. */
  readonly tickets: LogTickets;
  readonly pulls: PullManager;
  /** Broadcasts, only while this scope is the backend's current one. */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** A listing numbered after the previous engine's lists (wiring/scope-seq.ts). */
  numberListing<Row>(listing: Listing<Row>): Listing<Row>;
  /** DOCKER_HOST for a CLI run against this engine (compose): the local socket, or Wharf's host
   *  socket for SSH engines and the VM; null while there is none. */
  dockerHost(): string | null;
}
