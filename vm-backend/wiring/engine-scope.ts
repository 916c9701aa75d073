// Everything that belongs to one engine: its connection, session, log tickets, pulls, the host
// Docker socket (SSH engines), and the call handlers bound to them (scope-domains.ts). The backend
// holds one scope at a time and replaces it when the user switches targets (engine-switch.ts).
// Wharf's VM is not part of a scope: it lives beside the engine for the backend's whole life
// (vm/vm-host.ts).
import type { EventName, Events } from '../api/contract';
import type { EngineStatus } from '../api/types';
import type { Connection } from '../connection/connection';
import type { HostSocket } from '../connection/ssh/host-socket';
import type { Target } from '../connection/targets';
import { withTarget } from '../engine/engine-handlers';
import { engineSearch } from '../engine/images/engine-search';
import { LogTickets } from '../engine/logs/log-file';
import { PullManager } from '../engine/pull/pull-manager';
import { EngineSession } from '../engine/session';
import type { RegistryStore } from '../registry/registry-store';
import { type ScopeHandlers, scopeHandlers } from './scope-domains';
import { shiftChange, shiftListing } from './scope-seq';
import type { ScopeStreams } from './scope-streams';

export interface ScopeDeps {
  /** Broadcasts; the scope only emits while it is the backend's current one. */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  streams: ScopeStreams;
  registries: RegistryStore;
  /** Maps this engine's list numbers after the previous engine's (scope-seq.ts). */
  seq: (n: number) => number;
  /** The host Docker socket for an SSH engine; `target` names its docker context (wharf-<name>). */
  hostSocket?: (c: Connection, target: Target) => Promise<HostSocket | null>;
}

export class EngineScope {
  readonly session: EngineSession;
  readonly tickets = new LogTickets();
  readonly handlers: ScopeHandlers;
  hostSocket: HostSocket | null = null;
  private live = true;
  private readonly pulls: PullManager;

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
    this.pulls = new PullManager(this.session, deps.registries);
    this.handlers = scopeHandlers({
      target: target.name,
      session: this.session,
      streams: deps.streams,
      tickets: this.tickets,
      pulls: this.pulls,
      registries: deps.registries,
      engineSearch: engineSearch(this.session),
      emit,
      numberListing: (l) => shiftListing(l, deps.seq),
      dockerHost: () =>
        connection.kind === 'local'
          ? connection.endpoint
          : (this.hostSocket?.endpoint ?? (this.hostSocket ? `unix://${this.hostSocket.path}` : null)),
    });
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
    this.pulls.closeAll();
    await this.hostSocket?.close().catch(() => {});
    this.hostSocket = null;
    await this.session.close().catch(() => {});
  }

  private withTarget(s: EngineStatus): EngineStatus {
    return withTarget(s, this.target.name);
  }
}
