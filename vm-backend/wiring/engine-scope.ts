// Everything that belongs to one engine: its connection, session, log tickets, pulls, the host
// Docker socket (SSH engines), and the call handlers bound to them. The backend holds one scope at
// a time and replaces it when the user switches targets (backend.ts). Wharf's VM is not part of
// a scope: it lives beside the engine for the backend's whole life (vm/vm-host.ts).
import type { CallName, CallOutput, CallParsed, EventName, Events } from '../api/contract';
import type { EngineStatus } from '../api/types';
import type { ClientLink } from '../api/client-link';
import type { Connection } from '../connection/connection';
import type { HostSocket } from '../connection/ssh/host-socket';
import type { Target } from '../connection/targets';
import {
  containerAction,
  inspectContainer,
  listContainers,
  removeContainers,
} from '../engine/containers/container-calls';
import { listImages, pruneImages, prunePreview, removeImage } from '../engine/images/image-calls';
import { LogTickets } from '../engine/logs/log-file';
import { formFromContainer, hostPorts, imageRunInfo, listNetworks } from '../engine/run/run-calls';
import { runContainer } from '../engine/run/run-create';
import { EngineSession } from '../engine/session';
import { streamHandlers } from '../engine/streams/stream-calls';
import { registryHandlers } from '../registry/registry-handlers';
import type { RegistryStore } from '../registry/registry-store';
import { shiftChange, shiftListing } from './scope-seq';
import type { ScopeStreams } from './scope-streams';

export type CallHandler<K extends CallName> = (
  input: CallParsed<K>,
  client?: ClientLink,
) => Promise<CallOutput<K>> | CallOutput<K>;
type H<K extends CallName> = CallHandler<K>;
/** Calls served beside the engine, whichever it is: the targets and the VM. */
export type BackendCall = Extract<CallName, `targets:${string}` | `vm:${string}`>;
export type ScopeHandlers = { [K in Exclude<CallName, BackendCall>]: H<K> };

export interface ScopeDeps {
  /** Broadcasts; the scope only emits while it is the backend's current one. */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  streams: ScopeStreams;
  registries: RegistryStore;
  /** Maps this engine's list numbers after the previous engine's (scope-seq.ts). */
  seq: (n: number) => number;
  /** Opens the host Docker socket for an SSH engine (null: none). */
  /** The host Docker socket for an SSH engine; `target` names its docker context (wharf-<name>). */
  hostSocket?: (c: Connection, target: Target) => Promise<HostSocket | null>;
}

export class EngineScope {
  readonly session: EngineSession;
  readonly tickets = new LogTickets();
  readonly handlers: ScopeHandlers;
  hostSocket: HostSocket | null = null;
  private live = true;
  private readonly closeRegistry: () => void;

  constructor(
    readonly target: Target,
    readonly connection: Connection,
    private readonly deps: ScopeDeps,
  ) {
    const emit: ScopeDeps['emit'] = (event, payload) => {
      if (this.live) deps.emit(event, payload);
    };
    this.session = new EngineSession(connection, {
      state: (s) => emit('engine:state', this.withTarget(s)),
      containers: (c) => emit('containers:changed', shiftChange(c, deps.seq)),
      images: (c) => emit('images:changed', shiftChange(c, deps.seq)),
    });
    const session = this.session;
    const registry = registryHandlers(session, deps.registries);
    this.closeRegistry = registry.close;
    this.handlers = {
      ...streamHandlers(session, deps.streams, this.tickets),
      ...registry.handlers,
      'engine:status': () => this.status(),
      'engine:retry': async () => this.withTarget(await session.retryNow()),
      'containers:list': () => shiftListing(listContainers(session), deps.seq),
      'containers:inspect': ({ id }) => inspectContainer(session, id),
      'containers:action': ({ ids, action }) => containerAction(session, ids, action),
      'containers:remove': ({ ids, force, removeVolumes }) => removeContainers(session, ids, force, removeVolumes),
      'images:list': () => shiftListing(listImages(session), deps.seq),
      'images:remove': ({ ref, force }) => removeImage(session, ref, force),
      'images:prune-preview': () => prunePreview(session),
      'images:prune': () => pruneImages(session),
      'run:image-info': ({ image }) => imageRunInfo(session, image),
      'run:host-ports': ({ image, maxAgeMs }) => hostPorts(session, image, maxAgeMs),
      // Like `docker run`, a missing image is pulled first; its progress goes to the calling window.
      'run:create': ({ form, keepOnFailure }, client) =>
        runContainer(
          session,
          form,
          keepOnFailure,
          client ? (ref) => registry.pulls.pullAndWait(client, ref) : undefined,
        ),
      'run:from-container': ({ id }) => formFromContainer(session, id),
      'run:networks': () => listNetworks(session),
    };
  }

  status(): EngineStatus {
    return this.withTarget(this.session.status);
  }

  /** Connects; resolves after the first attempt (ready, or unreachable with a retry planned). */
  async start(): Promise<EngineStatus> {
    this.deps.emit('engine:state', this.status());
    await this.session.start();
    if (this.live && this.deps.hostSocket && this.connection.kind === 'ssh') {
      const s = await this.deps.hostSocket(this.connection, this.target).catch(() => null);
      if (this.live) this.hostSocket = s;
      else await s?.close();
    }
    return this.status();
  }

  /** Ends everything this engine had: streams (windows are told), pulls, the host socket, the link. */
  async close(): Promise<void> {
    this.live = false;
    this.closeRegistry();
    await this.hostSocket?.close().catch(() => {});
    this.hostSocket = null;
    await this.session.close().catch(() => {});
  }

  private withTarget(s: EngineStatus): EngineStatus {
    return { ...s, target: this.target.name };
  }
}
