// The containers list's live use: the latest one-shot reading of each running container, polled
// only while the list is on screen and the window visible. Each round asks for the rows whose
// stats cell is on screen (not the virtual list's overscan, not a hidden column); every 5th round
// also the other running containers, for the engine-wide total. A round starts after the previous one answered,
// and the backend keeps at most 4 engine requests in flight.
import { create } from 'zustand';
import type { StatsSample } from '../../../vm-backend/api/stats-types';
import type { Bridge } from '../../bridge';

export const POLL_MS = 2_000;
const ALL_EVERY = 5;
/** The contract's cap on ids per call. */
const MAX_IDS = 200;

interface StatsState {
  byId: Readonly<Record<string, StatsSample>>;
  put(samples: readonly StatsSample[], keep: ReadonlySet<string>): void;
}

export const useStats = create<StatsState>()((set) => ({
  byId: {},
  put: (samples, keep) =>
    set((s) => {
      const byId: Record<string, StatsSample> = {};
      for (const [id, v] of Object.entries(s.byId)) if (keep.has(id)) byId[id] = v;
      for (const v of samples) byId[v.id] = v;
      return { byId };
    }),
}));

/** The rows on screen now: each stats cell adds its id while it intersects the viewport. */
const mounted = new Map<string, number>();
export function mountRow(id: string): () => void {
  mounted.set(id, (mounted.get(id) ?? 0) + 1);
  return () => {
    const n = (mounted.get(id) ?? 1) - 1;
    if (n <= 0) mounted.delete(id);
    else mounted.set(id, n);
  };
}

export interface PollerDeps {
  bridge: Pick<Bridge, 'call'>;
  /** Full ids of the running containers the list knows. */
  running(): string[];
  visible(): boolean;
  mountedIds?(): string[];
}

/** Polls until the returned stop is called. */
export function startStatsPolling(d: PollerDeps): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let round = 0;
  const idsToAsk = (): string[] => {
    const running = d.running();
    const set = new Set(running);
    if (round % ALL_EVERY === 0) return running.slice(0, MAX_IDS);
    const shown = (d.mountedIds?.() ?? [...mounted.keys()]).filter((id) => set.has(id));
    return shown.slice(0, MAX_IDS);
  };
  const tick = async (): Promise<void> => {
    timer = null;
    if (stopped) return;
    if (d.visible()) {
      const ids = idsToAsk();
      round++;
      if (ids.length) {
        try {
          const rows = await d.bridge.call('stats:sample', { ids });
          if (stopped) return;
          const samples = rows.flatMap((r) => ('sample' in r ? [r.sample] : []));
          useStats.getState().put(samples, new Set(d.running()));
        } catch {
          // The engine is away: the next round asks again.
        }
      }
    }
    if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
  };
  void tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/** The sum over the running containers' latest readings. */
export function engineTotal(
  byId: Readonly<Record<string, StatsSample>>,
  running: readonly string[],
): { cpu: number; mem: number; n: number } {
  let cpu = 0;
  let mem = 0;
  let n = 0;
  for (const id of running) {
    const s = byId[id];
    if (!s) continue;
    n++;
    cpu += s.cpuPct ?? 0;
    mem += s.memUsed;
  }
  return { cpu, mem, n };
}
