// The one Backend both transports serve: validates every call against the contract, runs it on
// the current engine scope, and answers with an envelope. Nothing here knows which transport
// called. The engine can be switched at runtime (targets:use): see engine-switch.ts. Wharf's VM
// lives beside the engine, one for the backend's whole life (vm/vm-host.ts): the vm:* calls work
// whatever engine is active, and the `vm` target is that same VM.
import { calls, type CallName, type EventName, type Events, isCallName } from '../api/contract';
import { WharfError, invalidInput } from '../api/errors';
import type { HandlerMap } from '../api/handler';
import type { Envelope } from '../api/wire';
import type { ClientLink } from '../api/client-link';
import type { Backend } from './backend-types';
import type { Connection } from '../connection/connection';
import { targetConnector, type Connector } from './connect-target';
import { wharfDataDir } from '../connection/data-dir';
import { startHostSocket } from '../connection/ssh/host-socket';
import type { SshConnection } from '../connection/ssh/ssh-connection';
import { LOCAL, type Target, TargetStore } from '../connection/targets';
import { toWharfError } from '../engine/errors';
import { openLogFile } from '../engine/logs/log-file';
import { EngineSwitch } from './engine-switch';
import { RegistryStore, type SecretCodec } from '../registry/registry-store';
import type { BackendCall } from './scope-domains';
import { ScopeStreams } from './scope-streams';
import { type SettingsStatus, targetHandlers } from './targets-handlers';
import { folderWriteProblem, settingsNotices } from '../connection/settings-file';
import { vmFiles, vmsRoot } from '../vm/vm-files';
import { dirname, join } from 'node:path';
import { vmHandlers } from '../vm/vm-handlers';
import { hostPathHandlers } from '../engine/host-paths/host-paths-handlers';
import { VmHost } from '../vm/vm-host';
import type { VmManager } from '../vm/lifecycle/vm-manager';
import { createVmManager } from '../vm/vm-setup';

export interface BackendOptions {
  /** The engine to start on (reached by the caller, usually through `connect`). */
  connection: Connection;
  /** Wharf's own VM when it was set up before the backend (the first target is `vm`); else the
   *  backend makes it on first use (a vm:* call, or a switch to `vm`). */
  vm?: VmManager;
  /** Makes the VM's manager (default: createVmManager for dataDir). */
  makeVm?: () => VmManager;
  /** The target `connection` reaches (default: local). */
  target?: Target;
  /** Wharf's data folder: targets.json, SSH keys and known_hosts, host sockets (default: WHARF_DATA_DIR or the OS's). */
  dataDir?: string;
  /** How to reach another target when the user switches (default: targetConnector for dataDir);
   *  the `vm` target is always the backend's own VM, started when it is not running. */
  connect?: Connector;
  /** SSH engines get a host Docker socket and a `docker context` (wharf-...). */
  dockerSocket?: boolean;
  /** Where the host socket and its docker context are announced (web mode: the console). */
  log?: (line: string) => void;
  /** Seals registry secrets at rest (the desktop app: the OS keychain); web mode: none. */
  secretCodec?: SecretCodec;
  /** registries.json (default: in WHARF_CONFIG_DIR or the OS's config folder). */
  registriesFile?: string;
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

/** The settings files' state for targets:list; says at start when a folder is not writable. */
function settingsStatus(
  dataDir: string,
  targets: TargetStore,
  registries: RegistryStore,
  log?: (line: string) => void,
): SettingsStatus {
  const vm = vmFiles(vmsRoot(dataDir), 'default');
  const files = [targets.file, registries.file, vm.settings, vm.runtime, join(vmsRoot(dataDir), 'accel-hung.json')];
  const problem = folderWriteProblem(dataDir) ?? folderWriteProblem(dirname(registries.file));
  if (problem) log?.(`wharf: ${problem.message} ${problem.hint}\n  (${problem.detail})`);
  return {
    problem,
    notices: async () => {
      // Read the files once so a corrupt one is set aside (and listed) before anything saves.
      targets.list();
      await registries.all().catch(() => undefined);
      return settingsNotices(files);
    },
  };
}

export function createBackend(options: BackendOptions): Backend {
  const emitter = new Emitter();
  const dataDir = options.dataDir ?? wharfDataDir();
  const streams = new ScopeStreams();
  const vms = new VmHost({
    make: options.makeVm ?? (() => createVmManager(dataDir)),
    emit: (s) => emitter.emit('vm:state', s),
  });
  if (options.vm) vms.adopt(options.vm);
  const connect = options.connect ?? targetConnector({ dataDir });
  const registries = new RegistryStore(options.registriesFile, options.secretCodec);
  const targets = new TargetStore(dataDir);
  const settings = settingsStatus(dataDir, targets, registries, options.log);
  const engines = new EngineSwitch({
    emit: (e, p) => emitter.emit(e, p),
    streams,
    registries,
    connect: async (t) =>
      t.engine === 'vm' ? { connection: await vms.engine(options.log) } : { connection: (await connect(t)).connection },
    ...(options.dockerSocket
      ? {
          hostSocket: async (c: Connection, target: Target) => {
            const ssh = c as SshConnection;
            try {
              const s = await startHostSocket(ssh.link, ssh.target, dataDir, {
                targetName: target.name,
                refuse: () => ssh.linkEvents?.down?.() ?? null,
              });
              options.log?.(
                `Docker socket: ${s.endpoint ?? `unix://${s.path}`}${s.context ? ` (docker --context ${s.context} ...)` : ''}`,
              );
              return s;
            } catch (err) {
              options.log?.(`wharf: no host Docker socket: ${(err as Error).message}`);
              return null;
            }
          },
        }
      : {}),
  });
  engines.install(options.target ?? LOCAL, { connection: options.connection });
  const beside: HandlerMap<BackendCall> = {
    ...targetHandlers(targets, engines, dataDir, settings),
    ...vmHandlers(vms, () => ({ target: engines.current.target.name, isVm: engines.current.target.engine === 'vm' })),
    ...hostPathHandlers(),
  };

  const handler = (name: CallName): ((i: unknown, c?: ClientLink) => unknown) =>
    ((beside as Record<string, unknown>)[name] ?? (engines.current.handlers as Record<string, unknown>)[name]) as (
      i: unknown,
      c?: ClientLink,
    ) => unknown;

  return {
    async invoke(name: string, input: unknown, client?: ClientLink): Promise<Envelope<unknown>> {
      if (!isCallName(name))
        return { ok: false, error: invalidInput(`unknown call: ${String(name).slice(0, 80)}`).toJSON() };
      const parsed = calls[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
        return { ok: false, error: invalidInput(`${name}: ${issues}`.slice(0, 1000)).toJSON() };
      }
      try {
        return { ok: true, value: await handler(name)(parsed.data, client) };
      } catch (err) {
        const e =
          err instanceof WharfError ? err : toWharfError(err, { endpoint: engines.current.connection.endpoint });
        return { ok: false, error: e.toJSON() };
      }
    },
    on: (event, listener) => emitter.on(event, listener),
    openLogDownload: async (ticket) => {
      const scope = engines.current;
      const t = scope.tickets.take(ticket);
      return openLogFile(scope.session, t.id, t.timestamps);
    },
    close: async () => {
      await engines.close();
      vms.close();
    },
  };
}
