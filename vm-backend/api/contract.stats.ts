// Calls of the stats domain: live resource use (a one-shot poll for the list, a stream for the
// Stats tab), the processes of a container (docker top) and its limits (docker update).
import { z } from 'zod';
import { streamId } from './contract.logs';
import { call } from './define';
import { containerRef } from './ids';
import type { RunLimits } from './rules/stats-limits';
import type { StatsOpened, StatsRow, TopResult } from './stats-types';

const limitText = z.string().max(32);
export const limitsSchema = z
  .object({ memory: limitText, memorySwap: limitText, cpus: limitText, cpuShares: limitText, pidsLimit: limitText })
  .strict() satisfies z.ZodType<RunLimits>;

/** The list polls only the rows it shows: a screenful, never the whole engine. */
const sampleInput = z.object({ ids: z.array(containerRef).min(1).max(200) }).strict();
const idInput = z.object({ id: containerRef }).strict();
const closeInput = z.object({ stream: streamId }).strict();
const updateInput = z.object({ id: containerRef, limits: limitsSchema }).strict();

export interface LimitsResult {
  /** The limits the engine holds now, read back after the update. */
  limits: RunLimits;
  warnings: string[];
}

export const statsCalls = {
  /** One reading per container (GET /containers/{id}/stats?stream=false&one-shot=true), 4 at a time. */
  'stats:sample': call<typeof sampleInput, StatsRow[]>(sampleInput),
  /** A reading every second to this window ('stats:sample' events) until closed or the container ends. */
  'stats:open': call<typeof idInput, StatsOpened>(idInput),
  'stats:close': call<typeof closeInput, null>(closeInput),
  /** docker top: the container's processes as the engine's host sees them. */
  'stats:top': call<typeof idInput, TopResult>(idInput),
  /** The container's limits now, as the run dialog's fields. */
  'stats:limits': call<typeof idInput, LimitsResult>(idInput),
  /** docker update: new limits on a container, running or not. */
  'stats:update': call<typeof updateInput, LimitsResult>(updateInput),
};
