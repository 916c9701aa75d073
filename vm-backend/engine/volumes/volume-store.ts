// The backend's volume list for one engine: read once when first asked, then kept current by the
// engine's volume events (create, destroy, mount, unmount) and by container create/destroy, each
// re-reading only the volume it names. Sizes are not here: volumes:sizes asks for them apart.
import type { Readable } from 'node:stream';
import type { ListChange, Listing } from '../../api/types';
import type { VolumeRow } from '../../api/contract.volumes';
import { type EngineEvent, NdjsonSplitter } from '../events-stream';
import { RefreshQueue } from '../refresh-queue';
import { RowCache } from '../row-cache';
import type { EngineSession } from '../session';
import { toVolumeRow, usersByVolume } from './volume-rows';

const VOLUME_ACTIONS = /^(create|destroy|mount|unmount)$/;
const REOPEN_MS = 1000;

export class VolumeStore {
  readonly rows: RowCache<VolumeRow>;
  private loaded: Promise<void> | null = null;
  private stream: Readable | null = null;
  private closed = false;
  private readonly queue = new RefreshQueue((name) => this.refresh(name));

  constructor(
    private readonly session: EngineSession,
    emit: (change: ListChange<VolumeRow>) => void,
  ) {
    this.rows = new RowCache(emit);
    session.watch((e) => this.onContainerEvent(e));
    // Events sent while the engine was away are lost: read the list again when it is back.
    session.onReady(() => {
      if (this.loaded && !session.isClosed) this.loaded = this.load();
    });
  }

  async listing(): Promise<Listing<VolumeRow>> {
    this.loaded ??= this.load().catch((err: unknown) => {
      this.loaded = null;
      throw err;
    });
    await this.loaded;
    return this.rows.listing();
  }

  /** Re-reads one volume now (after Wharf's own create/remove, before the event arrives). */
  refreshNow(name: string): Promise<void> {
    return this.refresh(name);
  }

  close(): void {
    this.closed = true;
    this.queue.close();
    this.stream?.destroy();
  }

  private async load(): Promise<void> {
    const docker = this.session.client();
    await this.openEvents();
    const [vols, containers] = await Promise.all([docker.listVolumes(), docker.listContainers({ all: true })]);
    const users = usersByVolume(containers);
    this.rows.reset((vols.Volumes ?? []).map((v) => toVolumeRow(v, users.get(v.Name) ?? [])));
  }

  private async openEvents(): Promise<void> {
    this.stream?.destroy();
    const docker = this.session.client();
    const stream = (await docker.getEvents({ filters: { type: ['volume'] } })) as unknown as Readable;
    this.stream = stream;
    const splitter = new NdjsonSplitter();
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) =>
      splitter.push(chunk, (o) => {
        const e = o as EngineEvent;
        if (e?.Type === 'volume' && typeof e.Actor?.ID === 'string' && VOLUME_ACTIONS.test(e.Action))
          this.queue.schedule(e.Actor.ID);
      }),
    );
    const ended = (): void => {
      if (this.stream !== stream || this.closed) return;
      this.stream = null;
      // The engine's own stream reconnects the session (onReady reloads); a lone drop reopens here.
      setTimeout(() => {
        if (!this.closed && !this.session.isClosed && !this.stream && this.session.status.state === 'ready')
          void this.openEvents().catch(() => {});
      }, REOPEN_MS);
    };
    stream.on('end', ended);
    stream.on('close', ended);
    stream.on('error', ended);
  }

  private onContainerEvent(e: EngineEvent): void {
    if (e.Type !== 'container' || !this.loaded) return;
    if (e.Action === 'destroy') {
      for (const row of this.rows.values()) if (row.users.some((u) => u.id === e.Actor.ID)) this.queue.schedule(row.id);
    } else if (e.Action === 'create' || e.Action === 'start' || e.Action === 'die' || e.Action === 'rename') {
      void this.volumesOf(e.Actor.ID).then((names) => {
        for (const n of names) this.queue.schedule(n);
      });
    }
  }

  private async volumesOf(id: string): Promise<string[]> {
    try {
      const info = await this.session.client().getContainer(id).inspect();
      return (info.Mounts ?? []).flatMap((m) => (m.Type === 'volume' && m.Name ? [m.Name] : []));
    } catch {
      return [];
    }
  }

  private async refresh(name: string): Promise<void> {
    const docker = this.session.client();
    let vol: Awaited<ReturnType<ReturnType<typeof docker.getVolume>['inspect']>>;
    try {
      vol = await docker.getVolume(name).inspect();
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) this.rows.patch([], [name]);
      return;
    }
    const containers = await docker.listContainers({ all: true, filters: { volume: [name] } });
    const users = usersByVolume(containers).get(name) ?? [];
    this.rows.patch([toVolumeRow(vol, users)], []);
  }
}

const stores = new WeakMap<EngineSession, VolumeStore>();

/** The one store of `session` (made on first use). */
export function volumeStore(session: EngineSession, emit: (change: ListChange<VolumeRow>) => void): VolumeStore {
  let s = stores.get(session);
  if (!s) {
    s = new VolumeStore(session, emit);
    stores.set(session, s);
  }
  return s;
}
