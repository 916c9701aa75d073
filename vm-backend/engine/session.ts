import Docker from 'dockerode';
import { WharfError } from '../api/errors';
import type { ContainerRow, ContainerState, EngineStatus, ImageRow, ListChange, WharfErrorShape } from '../api/types';
import type { Connection } from '../connection/connection';
import { toContainerRow } from './containers/container-rows';
import { engineTooOld, toWharfError } from './errors';
import { type EngineEvent, type EventsHandle, isBackstage, isRelevant, openEvents } from './events-stream';
import { imageRowFromInspect, toImageRow } from './images/image-rows';
import { negotiateApiVersion, ping, MIN_API } from './ping';
import { RefreshQueue } from './refresh-queue';
import { RowCache } from './row-cache';

export interface SessionEvents {
  state(s: EngineStatus): void;
  containers(c: ListChange<ContainerRow>): void;
  images(c: ListChange<ImageRow>): void;
}

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 10000];
/** An engine that was ready and went away (dockerd restarting) usually comes back within
 *  seconds: ask again every LOST_RETRY_MS for a while, so followed logs resume soon after. */
const LOST_RETRY_MS = 500;
const LOST_FAST_FOR_MS = 60_000;

/** The states an event leaves a container in, when the action alone decides them. */
const EXPECTED_STATE: Partial<Record<string, readonly ContainerState[]>> = {
  pause: ['paused'],
  unpause: ['running'],
  // A container that died is exited, or restarting under its restart policy (or dead).
  die: ['exited', 'restarting', 'dead'],
};
const MAX_STATE_RETRIES = 8;

/** One engine: its negotiated client, its event stream, and the lists kept current from it. */
export class EngineSession {
  status: EngineStatus;
  readonly containers: RowCache<ContainerRow>;
  readonly images: RowCache<ImageRow>;
  private docker: Docker | null = null;
  private events: EventsHandle | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private readonly containerQueue = new RefreshQueue((id) => this.refreshContainer(id));
  /** State an event promised for a container, until the list endpoint agrees (see refreshContainer). */
  private readonly expected = new Map<string, { states: readonly ContainerState[]; tries: number }>();
  private readonly imageQueue = new RefreshQueue((id) => this.refreshImage(id));
  private readonly watchers = new Set<(e: EngineEvent) => void>();
  private readonly readyListeners = new Set<() => void>();
  /** When a ready engine was lost (null while ready, or before it ever was). */
  private lostAt: number | null = null;

  constructor(
    readonly conn: Connection,
    private readonly out: SessionEvents,
  ) {
    this.status = { state: 'connecting', endpoint: conn.endpoint };
    this.containers = new RowCache((c) => out.containers(c));
    this.images = new RowCache((c) => out.images(c));
    // A link (SSH) that drops shows as degraded at once; when it is back, reconnect and resync.
    conn.linkEvents?.onChange((s) => {
      if (this.closed) return;
      if (s === 'down') this.goDown();
      else if (this.isDown()) return;
      else if (s === 'reconnecting' && this.status.state === 'ready') this.degrade();
      else if (s === 'ready' && this.status.state !== 'ready') void this.retryNow();
    });
    // A forward retried later (its port held by another program here) updates the row's issues.
    conn.ports?.onIssues?.((id, issues) => {
      const row = this.containers.get(id);
      if (!row || this.closed) return;
      const { portIssues: _old, ...rest } = row;
      this.containers.patch([issues.length ? { ...rest, portIssues: issues } : rest], []);
    });
  }

  start(): Promise<void> {
    return this.connect();
  }

  /** Connects now (cancelling a scheduled retry) and resolves with the resulting state. */
  async retryNow(): Promise<EngineStatus> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    await this.connect();
    return this.status;
  }

  /** The engine client, or a clear "not reachable" error. */
  client(): Docker {
    if (!this.docker || this.status.state !== 'ready') {
      throw this.status.error
        ? WharfError.received(this.status.error)
        : toWharfError(Object.assign(new Error('not connected'), { code: 'ECONNREFUSED' }), {
            endpoint: this.conn.endpoint,
          });
    }
    return this.docker;
  }

  /** Every container/image event from the one events stream (logs use it to follow restarts). */
  watch(listener: (e: EngineEvent) => void): () => void {
    this.watchers.add(listener);
    return () => void this.watchers.delete(listener);
  }

  /** Runs `listener` each time the engine is ready after a (re)connect: events sent while the
   *  stream was down are lost, so whoever waits for one re-reads the engine's state then. */
  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener);
    return () => void this.readyListeners.delete(listener);
  }

  containerName = (id: string): string | undefined => this.containers.findByIdPrefix(id)?.name;
  containerRunning = (id: string): boolean | undefined => {
    const state = this.containers.findByIdPrefix(id)?.state;
    return state === undefined ? undefined : state === 'running' || state === 'paused' || state === 'restarting';
  };

  /** Closed for good (its scope was switched away from): nothing should reopen a stream on it. */
  get isClosed(): boolean {
    return this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.events?.close();
    this.containerQueue.close();
    this.imageQueue.close();
    await this.conn.close();
  }

  /** The link cannot come back until the user acts (the VM is down): why, or null. */
  private isDown(): WharfErrorShape | null {
    return this.conn.linkEvents?.down?.() ?? null;
  }

  /** Says at once why the engine is gone (no retry countdown: the link's return reconnects). */
  private goDown(): void {
    const why = this.isDown();
    if (!why || this.closed) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.events?.close();
    this.events = null;
    this.docker = null;
    this.setStatus({ state: 'unreachable', endpoint: this.conn.endpoint, error: why, ...this.linkFacts() });
  }

  private degrade(): void {
    this.lostAt ??= Date.now();
    this.docker = null;
    const { error: _e, retryInMs: _r, ...rest } = this.status;
    this.setStatus({ ...rest, state: 'degraded' });
  }

  private linkFacts(): Partial<EngineStatus> {
    const d = this.conn.linkEvents?.details() ?? {};
    return { ...(d.hostKey ? { hostKey: d.hostKey } : {}), ...(d.hostKeyNew ? { hostKeyFirstUse: true } : {}) };
  }

  private setStatus(s: EngineStatus): void {
    this.status = s;
    this.out.state(s);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.doConnect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async doConnect(): Promise<void> {
    if (this.closed) return;
    this.events?.close();
    this.events = null;
    if (this.status.state !== 'connecting' && this.status.state !== 'degraded')
      this.setStatus({ state: 'connecting', endpoint: this.conn.endpoint });
    try {
      const pong = await ping(this.conn);
      const api = negotiateApiVersion(pong.apiVersion);
      if (!api) throw engineTooOld(pong.apiVersion, MIN_API);
      const docker = new Docker({ ...this.conn.dockerOptions(), version: `v${api}` });
      const version = await docker.version();
      // Events first, then the lists: nothing that happens in between is missed.
      this.events = await openEvents(
        docker,
        (e) => this.onEvent(e),
        (err) => this.onEventsEnd(err),
      );
      const [cs, is] = await Promise.all([docker.listContainers({ all: true }), docker.listImages()]);
      this.docker = docker;
      const readAt = Date.now();
      const shown = cs.filter((c) => !isBackstage(c.Labels));
      const rows = await Promise.all(shown.map((c) => this.withPorts(toContainerRow(c, readAt))));
      this.conn.ports?.retain(new Set(rows.map((r) => r.id)));
      this.containers.reset(rows);
      this.images.reset(is.map(toImageRow));
      this.attempt = 0;
      this.setStatus({
        state: 'ready',
        endpoint: this.conn.endpoint,
        apiVersion: api,
        engineVersion: version.Version,
        ...(pong.os ? { os: pong.os } : {}),
        ...(pong.builderVersion ? { builderVersion: pong.builderVersion } : {}),
        ...this.linkFacts(),
      });
      this.lostAt = null;
      for (const l of [...this.readyListeners]) {
        try {
          l();
        } catch {
          // A listener's failure is its own.
        }
      }
    } catch (err) {
      this.events?.close();
      this.events = null;
      this.docker = null;
      if (this.isDown()) return this.goDown();
      const lostFast = this.lostAt !== null && Date.now() - this.lostAt < LOST_FAST_FOR_MS;
      const delay = lostFast ? LOST_RETRY_MS : (BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)] ?? 10000);
      this.attempt += 1;
      if (this.status.state === 'degraded' && this.conn.linkEvents?.reconnecting()) {
        // The link is still coming back: stay degraded; its return triggers the next attempt.
        this.retryTimer = setTimeout(() => void this.connect(), delay);
        return;
      }
      this.setStatus({
        state: 'unreachable',
        endpoint: this.conn.endpoint,
        error: toWharfError(err, { endpoint: this.conn.endpoint }).toJSON(),
        retryInMs: delay,
        ...this.linkFacts(),
      });
      if (!this.closed) this.retryTimer = setTimeout(() => void this.connect(), delay);
    }
  }

  private onEventsEnd(_err?: unknown): void {
    if (this.closed || this.status.state !== 'ready' || this.isDown()) return;
    // The stream dropped (engine restarted, socket closed): reconnect, then resync once.
    if (this.conn.linkEvents) this.degrade();
    else {
      this.lostAt ??= Date.now();
      this.docker = null;
      this.setStatus({ state: 'connecting', endpoint: this.conn.endpoint });
    }
    void this.connect();
  }

  private onEvent(e: EngineEvent): void {
    for (const w of this.watchers) {
      try {
        w(e);
      } catch {
        // A watcher's failure is its own.
      }
    }
    if (!isRelevant(e)) return;
    if (e.Type === 'container') {
      if (e.Action === 'destroy') {
        void this.conn.ports?.publish(e.Actor.ID, []);
        this.containers.patch([], [e.Actor.ID]);
      } else {
        const states = EXPECTED_STATE[e.Action];
        if (states) this.expected.set(e.Actor.ID, { states, tries: 0 });
        else if (e.Action === 'start' || e.Action === 'restart') this.expected.delete(e.Actor.ID);
        this.containerQueue.schedule(e.Actor.ID);
      }
    } else {
      this.imageQueue.schedule(e.Actor.ID);
    }
  }

  /** Re-reads one container through the list endpoint (it has the status text inspect lacks). */
  private async refreshContainer(id: string): Promise<void> {
    const docker = this.docker;
    if (!docker) return;
    const found = await docker.listContainers({ all: true, filters: { id: [id] } });
    const info = found.find((c) => c.Id === id && !isBackstage(c.Labels));
    if (!info) {
      this.expected.delete(id);
      void this.conn.ports?.publish(id, []);
      this.containers.patch([], [id]);
      return;
    }
    const row = await this.withPorts(toContainerRow(info));
    const want = this.expected.get(id);
    // dockerd logs pause, unpause and die before it writes the state the list endpoint reads: a
    // list read right after the event can still say "running". Read again shortly instead.
    if (want && !want.states.includes(row.state) && want.tries < MAX_STATE_RETRIES) {
      want.tries++;
      setTimeout(() => this.containerQueue.schedule(id), 20 * 2 ** Math.min(want.tries, 4));
      return;
    }
    this.expected.delete(id);
    this.containers.patch([row], []);
  }

  /** Remote engines: forwards a running container's published ports before its row says running. */
  private async withPorts(row: ContainerRow): Promise<ContainerRow> {
    const ports = this.conn.ports;
    if (!ports) return row;
    const live = row.state === 'running' || row.state === 'paused' || row.state === 'restarting';
    const issues = await ports.publish(row.id, live ? row.ports : []).catch(() => []);
    return issues.length ? { ...row, portIssues: issues } : row;
  }

  private async refreshImage(ref: string): Promise<void> {
    const docker = this.docker;
    if (!docker) return;
    try {
      const row = imageRowFromInspect(await docker.getImage(ref).inspect());
      // A tag that moved to this image leaves its old image: strip it there.
      const moved: ImageRow[] = [];
      for (const other of this.images.values()) {
        if (other.id === row.id) continue;
        const kept = other.repoTags.filter((t) => !row.repoTags.includes(t));
        if (kept.length !== other.repoTags.length) moved.push({ ...other, repoTags: kept });
      }
      this.images.patch([row, ...moved], []);
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 404) throw err;
      const row = this.images.get(ref) ?? [...this.images.values()].find((r) => r.repoTags.includes(ref));
      if (row) this.images.patch([], [row.id]);
    }
  }
}
