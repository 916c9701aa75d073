// The compose command line for each action, shared by the backend (which runs it as an argv array)
// and the window (which shows it as the command a user would type).
import type { ComposeAction } from '../contract.compose';
import { shellQuote } from './cli';

/** What compose needs to know about a project to act on it. */
export interface ComposeTarget {
  name: string;
  configFiles: string[];
  envFile?: string;
  profiles?: string[];
  workingDir?: string;
}

export interface ComposeActionOptions {
  service?: string;
  removeVolumes?: boolean;
}

/** The options before the subcommand: project name, files, env file, profiles. */
export function composeGlobalArgs(p: ComposeTarget): string[] {
  const out = ['-p', p.name];
  for (const f of p.configFiles) out.push('-f', f);
  if (p.configFiles.length === 0 && p.workingDir) out.push('--project-directory', p.workingDir);
  if (p.envFile) out.push('--env-file', p.envFile);
  for (const profile of p.profiles ?? []) out.push('--profile', profile);
  return out;
}

/** The subcommand and its options. `down` acts on the whole project (compose has no per-service down). */
export function composeActionArgs(action: ComposeAction, o: ComposeActionOptions = {}): string[] {
  const svc = o.service ? [o.service] : [];
  switch (action) {
    case 'up':
      return ['up', '-d', ...svc];
    case 'down':
      return ['down', ...(o.removeVolumes ? ['-v'] : [])];
    default:
      return [action, ...svc];
  }
}

/** The full command as text, e.g. `docker compose -p shop -f /src/shop/compose.yaml up -d web`. */
export function composeCommandText(
  prefix: readonly string[],
  p: ComposeTarget,
  action: ComposeAction,
  o: ComposeActionOptions = {},
): string {
  return [...prefix, ...composeGlobalArgs(p), ...composeActionArgs(action, o)].map(shellQuote).join(' ');
}

/** The command text a user reads: `docker compose` for the plugin and v2, `docker-compose` for v1. */
export function composeDisplayPrefix(command: readonly string[] | undefined): string[] {
  if (!command || command.length === 0) return ['docker', 'compose'];
  const base = command[command.length - 1]?.split(/[\\/]/).pop() ?? '';
  return command.length === 1 && /^docker-compose(\.exe)?$/.test(base) ? ['docker-compose'] : ['docker', 'compose'];
}
