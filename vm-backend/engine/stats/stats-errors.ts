// The stats domain's coded errors: limits the engine would refuse (checked before sending) or did
// refuse, and stats asked of a container that is not running.
import { WharfError } from '../../api/errors';
import type { LimitProblem } from '../../api/rules/stats-limits';
import { readFailure, toWharfError } from '../errors';

export function limitInvalid(problems: readonly LimitProblem[]): WharfError {
  const first = problems[0];
  return new WharfError({
    code: 'LIMIT_INVALID',
    message: first?.message ?? 'These limits cannot be set.',
    hint: 'Correct the limit and try again; each field shows its docker flag.',
    detail: problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    params: { field: first?.field ?? '', problem: first?.key ?? '', ...(first?.params ?? {}) },
  });
}

/** The engine's own refusal of a limit ("Minimum memory limit allowed is 6MB", "Range of CPUs ..."). */
export function limitError(err: unknown, subject: string): WharfError {
  const f = readFailure(err);
  // A 404 or 409 is about the container, not the limit: the engine's usual words say it better.
  if (f.status !== undefined && f.status !== 404 && f.status !== 409 && /memory|swap|cpu|pids/i.test(f.message))
    return new WharfError({
      code: 'LIMIT_REFUSED',
      message: `The engine refused these limits for ${subject}.`,
      hint: "Read the engine's words below, change the limit and try again.",
      detail: f.message,
      params: { subject },
    });
  return toWharfError(err, { subject });
}

export function statsNotRunning(subject: string, state: string): WharfError {
  return new WharfError({
    code: 'STATS_NOT_RUNNING',
    message: `${subject} is not running (${state}), so it uses no CPU or memory to show.`,
    hint: 'Start it first: live use is measured while a container runs.',
    detail: `state: ${state}`,
    params: { subject, state },
  });
}
