// What the stats domain sends: one container's resource use at one moment, worked out with the
// Engine API's own formulas (engine/stats/stats-math.ts). No zod: the renderer takes it as is.

export interface StatsSample {
  /** The container's full id. */
  id: string;
  /** When the engine read it (ms since the epoch). */
  at: number;
  /** CPU % of one CPU (200 = two CPUs busy); null when there is no earlier reading to compare. */
  cpuPct: number | null;
  /** Memory in use, without the page cache (bytes). */
  memUsed: number;
  /** The memory limit the container sees (bytes): its --memory, else the host's memory. */
  memLimit: number;
  /** Whether memLimit is the container's own limit (--memory) rather than the host's memory. */
  memLimited: boolean;
  netRx: number;
  netTx: number;
  blkRead: number;
  blkWrite: number;
  pids: number;
  onlineCpus: number;
}

/** One row of the one-shot poll: a sample, or why there is none. */
export type StatsRow = { id: string; sample: StatsSample } | { id: string; error: string };

export interface StatsOpened {
  stream: string;
  name: string;
}

export interface StatsSampleEvent {
  stream: string;
  sample: StatsSample;
}

export interface StatsEndEvent {
  stream: string;
  /** exited: the container stopped; removed: it is gone; error: the engine's stream failed. */
  reason: 'exited' | 'removed' | 'error';
  error?: string;
}

export interface TopResult {
  titles: string[];
  processes: string[][];
}
