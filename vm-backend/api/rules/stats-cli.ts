// The `docker` commands the stats domain's actions stand for, shown where they are taken. Pure.
import { shellQuote } from './cli';
import { limitFlags, type RunLimits } from './stats-limits';

export const statsCli = {
  /** The list's columns and total: one reading of every running container. */
  statsAll: (): string => 'docker stats --no-stream',
  /** The Stats tab: a reading a second. */
  stats: (name: string): string => `docker stats ${shellQuote(name)}`,
  top: (name: string): string => `docker top ${shellQuote(name)}`,
  update: (name: string, l: RunLimits): string =>
    ['docker update', ...limitFlags(l).map(shellQuote), shellQuote(name)].join(' '),
};
