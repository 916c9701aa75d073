// The Engine API's stats formulas, as `docker stats` applies them (docker/cli
// cli/command/container/stats_helpers.go): CPU % = CPU delta / system delta x online CPUs x 100;
// memory = usage minus the inactive page cache (cgroup v1: total_inactive_file, v2: inactive_file);
// network and block I/O summed over interfaces and devices.
import type { StatsSample } from '../../api/stats-types';

export interface CpuReading {
  total: number;
  system: number;
}

/** The parts of GET /containers/{id}/stats that the formulas read. */
export interface EngineStats {
  read?: string;
  id?: string;
  cpu_stats?: {
    cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
    system_cpu_usage?: number;
    online_cpus?: number;
  };
  precpu_stats?: EngineStats['cpu_stats'];
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null };
  pids_stats?: { current?: number };
}

export function cpuReading(s: EngineStats['cpu_stats']): CpuReading | null {
  const total = s?.cpu_usage?.total_usage;
  const system = s?.system_cpu_usage;
  return typeof total === 'number' && typeof system === 'number' && system > 0 ? { total, system } : null;
}

/** CPU % between two readings; null when it cannot be told (first reading, clock not moved). */
export function cpuPercent(prev: CpuReading | null, now: CpuReading | null, onlineCpus: number): number | null {
  if (!prev || !now) return null;
  const cpuDelta = now.total - prev.total;
  const sysDelta = now.system - prev.system;
  if (sysDelta <= 0 || cpuDelta < 0) return null;
  return (cpuDelta / sysDelta) * onlineCpus * 100;
}

export function memoryUsed(m: EngineStats['memory_stats']): number {
  const usage = m?.usage ?? 0;
  const st = m?.stats ?? {};
  // cgroup v1 first (total_inactive_file), then v2 (inactive_file), as the CLI does.
  const inactive = st.total_inactive_file ?? st.inactive_file;
  if (typeof inactive === 'number' && inactive < usage) return usage - inactive;
  return usage;
}

function onlineCpus(s: EngineStats): number {
  return s.cpu_stats?.online_cpus || s.cpu_stats?.cpu_usage?.percpu_usage?.length || 1;
}

/**
 * A sample from one stats reading. `prev` is an earlier reading of the same container (the
 * one-shot poll keeps its own); without one the reading's own precpu_stats is used.
 */
export function toSample(
  id: string,
  s: EngineStats,
  prev: CpuReading | null,
  hostMemory: number,
): { sample: StatsSample; cpu: CpuReading | null } {
  const cpus = onlineCpus(s);
  const now = cpuReading(s.cpu_stats);
  const before = prev ?? cpuReading(s.precpu_stats);
  let netRx = 0;
  let netTx = 0;
  for (const n of Object.values(s.networks ?? {})) {
    netRx += n.rx_bytes ?? 0;
    netTx += n.tx_bytes ?? 0;
  }
  let blkRead = 0;
  let blkWrite = 0;
  for (const e of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = (e.op ?? '').toLowerCase();
    if (op === 'read') blkRead += e.value ?? 0;
    else if (op === 'write') blkWrite += e.value ?? 0;
  }
  const limit = s.memory_stats?.limit ?? 0;
  // With no --memory the cgroup's limit is a huge number or the host's memory: show the host's.
  const memLimited = limit > 0 && (hostMemory <= 0 || limit < hostMemory);
  const at = s.read ? Date.parse(s.read) : Number.NaN;
  return {
    cpu: now,
    sample: {
      id,
      at: Number.isFinite(at) && at > 0 ? at : Date.now(),
      cpuPct: cpuPercent(before, now, cpus),
      memUsed: memoryUsed(s.memory_stats),
      memLimit: memLimited ? limit : hostMemory > 0 ? hostMemory : limit,
      memLimited,
      netRx,
      netTx,
      blkRead,
      blkWrite,
      pids: s.pids_stats?.current ?? 0,
      onlineCpus: cpus,
    },
  };
}
