// One-shot stats for the list (at most 4 requests in flight: streaming every container costs the
// engine a lot, moby#39664), docker top, and a container's limits read and changed (docker update).
import type Docker from 'dockerode';
import type { LimitsResult } from '../../api/contract.stats';
import { limitResources, limitsFromHostConfig, type RunLimits, validateLimits } from '../../api/rules/stats-limits';
import type { StatsRow, TopResult } from '../../api/stats-types';
import { readFailure, toWharfError } from '../errors';
import { limitError, limitInvalid } from './stats-errors';
import { type CpuReading, type EngineStats, toSample } from './stats-math';

export const MAX_IN_FLIGHT = 4;
/** Earlier CPU readings kept for the list's deltas; past this the oldest are let go. */
const MAX_KEPT = 2000;

/** What the engine's host has, read once per engine (docker info). */
export interface HostFacts {
  memory: number;
  cpus: number;
}

export function hostFacts(docker: () => Docker): () => Promise<HostFacts> {
  let facts: Promise<HostFacts> | null = null;
  return () => {
    facts ??= docker()
      .info()
      .then((i: { MemTotal?: number; NCPU?: number }) => ({ memory: i.MemTotal ?? 0, cpus: i.NCPU ?? 0 }))
      .catch((e: unknown) => {
        facts = null;
        throw e;
      });
    return facts;
  };
}

/** Runs `work` over `items`, `limit` at a time, in order of the answers' slots. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export class StatsPoller {
  private readonly prev = new Map<string, CpuReading>();
  /** Requests to the engine now in flight (tests read it). */
  inFlight = 0;
  maxSeen = 0;

  constructor(
    private readonly docker: () => Docker,
    private readonly facts: () => Promise<HostFacts>,
  ) {}

  async sample(ids: readonly string[]): Promise<StatsRow[]> {
    const { memory } = await this.facts();
    return inBatches(ids, MAX_IN_FLIGHT, async (id): Promise<StatsRow> => {
      this.inFlight++;
      this.maxSeen = Math.max(this.maxSeen, this.inFlight);
      try {
        // one-shot: the engine answers at once instead of waiting a second for a second reading;
        // the CPU delta is taken against this poller's previous reading of the container.
        const s = (await this.docker()
          .getContainer(id)
          .stats({ stream: false, 'one-shot': true } as { stream: false })) as unknown as EngineStats;
        const key = s.id ?? id;
        const { sample, cpu } = toSample(key, s, this.prev.get(key) ?? null, memory);
        if (cpu) {
          if (this.prev.size >= MAX_KEPT) this.prev.clear();
          this.prev.set(key, cpu);
        }
        return { id, sample };
      } catch (e) {
        return { id, error: readFailure(e).message };
      } finally {
        this.inFlight--;
      }
    });
  }
}

export async function topOf(docker: Docker, id: string): Promise<TopResult> {
  try {
    const r = (await docker.getContainer(id).top()) as { Titles?: string[]; Processes?: string[][] };
    return { titles: r.Titles ?? [], processes: r.Processes ?? [] };
  } catch (e) {
    throw toWharfError(e, { subject: id });
  }
}

export async function limitsOf(docker: Docker, id: string): Promise<LimitsResult> {
  try {
    const info = await docker.getContainer(id).inspect();
    return { limits: limitsFromHostConfig(info.HostConfig), warnings: [] };
  } catch (e) {
    throw toWharfError(e, { subject: id });
  }
}

/** docker update: checked here first (6 MB, the host's CPUs), then sent; the limits read back. */
export async function updateLimits(
  docker: Docker,
  facts: () => Promise<HostFacts>,
  id: string,
  limits: RunLimits,
): Promise<LimitsResult> {
  const c = docker.getContainer(id);
  let info: Awaited<ReturnType<typeof c.inspect>>;
  try {
    info = await c.inspect();
  } catch (e) {
    throw toWharfError(e, { subject: id });
  }
  const name = info.Name.replace(/^\//, '');
  const { cpus } = await facts();
  const problems = validateLimits(limits, { hostCpus: cpus, currentMemory: info.HostConfig?.Memory ?? 0 });
  if (problems.length) throw limitInvalid(problems);
  const res = limitResources(limits);
  // A memory limit above the swap limit the container already has is refused by the engine
  // unless the swap moves with it; the CLI says so, we keep swap at twice memory as `run` does.
  const swapNow = info.HostConfig?.MemorySwap ?? 0;
  if (res.Memory && res.MemorySwap === undefined && swapNow > 0 && swapNow < res.Memory)
    res.MemorySwap = res.Memory * 2;
  let warnings: string[] = [];
  try {
    const r = (await c.update(res)) as { Warnings?: string[] | null } | undefined;
    warnings = r?.Warnings ?? [];
  } catch (e) {
    throw limitError(e, name);
  }
  const after = await limitsOf(docker, id);
  return { limits: after.limits, warnings };
}
