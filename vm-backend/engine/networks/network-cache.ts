// The backend's copy of the networks list, kept current from the one events stream: each network
// event (create, destroy, connect, disconnect) re-reads only the network it names and sends a patch.
// Read in full on first use and after each reconnect (events sent while the stream was down are lost).
import type { NetworkRow } from '../../api/contract.networks';
import type { ListChange, Listing } from '../../api/types';
import { RefreshQueue } from '../refresh-queue';
import { RowCache } from '../row-cache';
import type { EngineSession } from '../session';
import { type NetworkInspect, toNetworkRow } from './network-rows';

const NETWORK_ACTIONS = /^(create|destroy|remove|connect|disconnect|update)$/;

export class NetworkCache {
  private readonly rows: RowCache<NetworkRow>;
  private loaded: Promise<void> | null = null;
  private readonly queue = new RefreshQueue((id) => this.refresh(id));

  constructor(
    private readonly session: EngineSession,
    emit: (change: ListChange<NetworkRow>) => void,
  ) {
    this.rows = new RowCache(emit);
    session.watch((e) => {
      if (e.Type !== 'network' || !NETWORK_ACTIONS.test(e.Action) || !this.loaded) return;
      if (e.Action === 'destroy' || e.Action === 'remove') this.rows.patch([], [e.Actor.ID]);
      else this.queue.schedule(e.Actor.ID);
    });
    session.onReady(() => {
      if (this.loaded) this.loaded = this.loadAll();
    });
  }

  async listing(): Promise<Listing<NetworkRow>> {
    this.session.client();
    this.loaded ??= this.loadAll();
    try {
      await this.loaded;
    } catch (err) {
      this.loaded = null;
      throw err;
    }
    return this.rows.listing();
  }

  /** The rows as last read (empty before the first listing). */
  values(): NetworkRow[] {
    return [...this.rows.values()];
  }

  /** Reads one network now (after a call of ours: the event will say the same, later). */
  refreshNow(id: string): Promise<void> {
    return this.refresh(id).catch(() => undefined);
  }

  private async loadAll(): Promise<void> {
    const docker = this.session.client();
    const list = (await docker.listNetworks()) as unknown as NetworkInspect[];
    // The list endpoint leaves Containers empty (API >= 1.28): inspect each for its endpoints.
    const full = await Promise.all(
      list.map((n) => (docker.getNetwork(n.Id).inspect() as Promise<NetworkInspect>).catch(() => null)),
    );
    this.rows.reset(full.flatMap((n) => (n ? [toNetworkRow(n)] : [])));
  }

  private async refresh(id: string): Promise<void> {
    let docker: ReturnType<EngineSession['client']>;
    try {
      docker = this.session.client();
    } catch {
      return;
    }
    try {
      const n = (await docker.getNetwork(id).inspect()) as NetworkInspect;
      this.rows.patch([toNetworkRow(n)], []);
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) this.rows.patch([], [id]);
    }
  }
}
