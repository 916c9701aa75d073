// The one Backend both transports serve: validates every call against the contract, runs it on
// the engine session, and answers with an envelope. Nothing here knows which transport called.
import { calls, type CallName, type CallOutput, type CallParsed, type EventName, type Events, isCallName } from './api/contract';
import { WharfError, invalidInput } from './api/errors';
import type { Envelope } from './api/wire';
import type { Backend, ClientLink } from './backend-types';
import type { Connection } from './connection/connection';
import { containerAction, inspectContainer, listContainers, removeContainers } from './engine/container-calls';
import { toWharfError } from './engine/errors';
import { listImages, pruneImages, prunePreview, removeImage } from './engine/image-calls';
import { formFromContainer, hostPorts, imageRunInfo, listNetworks } from './engine/run-calls';
import { runContainer } from './engine/run-create';
import { EngineSession } from './engine/session';
import { LogTickets, openLogFile } from './engine/log-file';
import { streamHandlers } from './engine/stream-calls';
import { StreamRegistry } from './engine/streams';
import { registryHandlers } from './registry/registry-handlers';
import { vmHandlers } from './vm/vm-handlers';
import type { VmManager } from './vm/vm-manager';
import { RegistryStore, type SecretCodec } from './registry/registry-store';

type Handlers = { [K in CallName]: (input: CallParsed<K>, client?: ClientLink) => Promise<CallOutput<K>> | CallOutput<K> };

export interface BackendOptions {
  connection: Connection;
  /** Wharf's own VM, when this run manages one (--engine vm). */
  vm?: VmManager;
  /** Seals registry secrets at rest (the desktop app: the OS keychain); web mode: none. */
  secretCodec?: SecretCodec;
}

class Emitter {
  private listeners = new Map<EventName, Set<(p: never) => void>>();
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (p: never) => void);
    return () => set.delete(listener as (p: never) => void);
  }
  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const l of this.listeners.get(event) ?? []) {
      try {
        (l as (p: Events[E]) => void)(payload);
      } catch {
        // One broken listener (a closed socket) must not stop the others.
      }
    }
  }
}

export function createBackend(options: BackendOptions): Backend {
  const emitter = new Emitter();
  const session = new EngineSession(options.connection, {
    state: (s) => emitter.emit('engine:state', s),
    containers: (c) => emitter.emit('containers:changed', c),
    images: (c) => emitter.emit('images:changed', c),
  });
  void session.start();
  const streams = new StreamRegistry();
  const tickets = new LogTickets();
  const registry = registryHandlers(session, new RegistryStore(undefined, options.secretCodec));

  const handlers: Handlers = {
    ...streamHandlers(session, streams, tickets),
    ...registry.handlers,
    ...vmHandlers(options.vm, (s) => emitter.emit('vm:state', s)),
    'engine:status': () => session.status,
    'engine:retry': () => session.retryNow(),
    'containers:list': () => listContainers(session),
    'containers:inspect': ({ id }) => inspectContainer(session, id),
    'containers:action': ({ ids, action }) => containerAction(session, ids, action),
    'containers:remove': ({ ids, force, removeVolumes }) => removeContainers(session, ids, force, removeVolumes),
    'images:list': () => listImages(session),
    'images:remove': ({ ref, force }) => removeImage(session, ref, force),
    'images:prune-preview': () => prunePreview(session),
    'images:prune': () => pruneImages(session),
    'run:image-info': ({ image }) => imageRunInfo(session, image),
    'run:host-ports': ({ image, maxAgeMs }) => hostPorts(session, image, maxAgeMs),
    // Like `docker run`, a missing image is pulled first; its progress goes to the calling window.
    'run:create': ({ form, keepOnFailure }, client) =>
      runContainer(session, form, keepOnFailure, client ? (ref) => registry.pulls.pullAndWait(client, ref) : undefined),
    'run:from-container': ({ id }) => formFromContainer(session, id),
    'run:networks': () => listNetworks(session),
  };

  return {
    async invoke(name: string, input: unknown, client?: ClientLink): Promise<Envelope<unknown>> {
      if (!isCallName(name)) return { ok: false, error: invalidInput(`unknown call: ${String(name).slice(0, 80)}`).toJSON() };
      const parsed = calls[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
        return { ok: false, error: invalidInput(`${name}: ${issues}`.slice(0, 1000)).toJSON() };
      }
      try {
        const handler = handlers[name] as (i: unknown, c?: ClientLink) => unknown;
        return { ok: true, value: await handler(parsed.data, client) };
      } catch (err) {
        const e = err instanceof WharfError ? err : toWharfError(err, { endpoint: options.connection.endpoint });
        return { ok: false, error: e.toJSON() };
      }
    },
    on: (event, listener) => emitter.on(event, listener),
    openLogDownload: async (ticket) => {
      const t = tickets.take(ticket);
      return openLogFile(session, t.id, t.timestamps);
    },
    close: () => {
      streams.closeAll();
      registry.close();
      return session.close();
    },
  };
}
