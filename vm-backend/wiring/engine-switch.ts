// Holds the current engine scope and replaces it when the user switches targets: the new engine
// is reached first (a failure keeps the old one), then the old scope ends cleanly (windows are told
// their logs and shells ended, pulls stop, port forwards and the host socket close, the link
// closes), every window gets empty lists and the new engine's state, then the new lists. Wharf's
// VM is not the engine's: switching away from `vm` leaves it running (vm/vm-host.ts).
import { WharfError } from '../api/errors';
import type { EngineStatus } from '../api/types';
import type { Connected, Connector } from './connect-target';
import type { Target } from '../connection/targets';
import { EngineScope, type ScopeDeps } from './engine-scope';
import { SeqBase } from './scope-seq';

export interface SwitchDeps extends Omit<ScopeDeps, 'seq'> {
  connect: Connector;
}

function engineSwitched(target: Target): WharfError {
  return new WharfError({
    code: 'ENGINE_SWITCHED',
    message: `Wharf switched to the engine "${target.name}"; this view was on the previous engine.`,
    hint: 'Open it again to see it on the new engine.',
    detail: `now ${target.engine}`,
    params: { target: target.name },
  });
}

export class EngineSwitch {
  private scope: EngineScope | null = null;
  private readonly seq = new SeqBase();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** The target a running switch goes to. */
  switching: string | null = null;

  constructor(private readonly deps: SwitchDeps) {}

  get current(): EngineScope {
    if (!this.scope) throw new Error('no engine installed');
    return this.scope;
  }

  /** Makes `connected` the current engine and starts connecting to it (not awaited). */
  install(target: Target, connected: Connected): EngineScope {
    const scope = this.build(target, connected);
    void scope.start();
    return scope;
  }

  /** Switches to `target`; switches run one after another. Resolves with the new engine's state. */
  use(target: Target): Promise<EngineStatus> {
    const run = this.queue.then(() => this.swap(target));
    this.queue = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    this.deps.streams.closeAll();
    await this.scope?.close();
  }

  private build(target: Target, connected: Connected): EngineScope {
    this.scope = new EngineScope(target, connected.connection, { ...this.deps, seq: this.seq.next() });
    return this.scope;
  }

  private async swap(target: Target): Promise<EngineStatus> {
    if (this.closed) throw new Error('the backend is closed');
    this.switching = target.name;
    try {
      const connected = await this.deps.connect(target);
      if (this.closed) {
        await connected.connection.close();
        throw new Error('the backend is closed');
      }
      const prev = this.scope;
      this.deps.streams.endAll(engineSwitched(target).toJSON());
      await prev?.close();
      this.deps.emit('containers:changed', this.seq.clear());
      this.deps.emit('images:changed', this.seq.clear());
      return await this.build(target, connected).start();
    } finally {
      this.switching = null;
    }
  }
}
