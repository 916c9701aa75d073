// The `docker context` Wharf registers for a remote engine's host socket, so the user's docker CLI
// reaches the same engine: `wharf-<target>` (wharf-vm, wharf-build) for a target the user named,
// `wharf-<user>-<host>-<port>` for an engine given on the command line. Contexts an earlier Wharf
// left behind (a renamed target, a VM whose SSH port moved) are removed once their socket is gone.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { COMMAND_LINE_TARGET, dockerContextName } from '../../api/rules/docker-context-name';
import type { SshTarget } from './target';

const run = promisify(execFile);

/** The context for `t`; without a target name, as for an engine given on the command line. */
export const contextName = (t: SshTarget, targetName?: string): string =>
  dockerContextName(targetName ?? COMMAND_LINE_TARGET, t);

const contextDescription = (t: SshTarget): string => `Wharf: ${t.user}@${t.host}:${t.port} over SSH`;

/** Creates or updates context `name` for the docker endpoint; null when the docker CLI is not installed. */
export async function registerContext(name: string, endpoint: string, target: SshTarget): Promise<string | null> {
  const args = ['--description', contextDescription(target), '--docker', `host=${endpoint}`, name];
  try {
    await run('docker', ['context', 'inspect', name]);
    await run('docker', ['context', 'update', ...args]);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    await run('docker', ['context', 'create', ...args]);
  }
  return name;
}

export interface ContextRow {
  Name: string;
  Description: string;
  DockerEndpoint: string;
  Current: boolean;
}

/**
 * The contexts to remove: Wharf's own (name wharf-*, description "Wharf: ..."), on a unix socket
 * in this data folder that no longer exists, not the one in use (`docker context use`), not `keep`.
 */
export function staleContexts(
  rows: readonly ContextRow[],
  dataDir: string,
  keep: string,
  exists: (p: string) => boolean,
): string[] {
  const prefix = `unix://${join(dataDir, 'sock')}/`;
  return rows
    .filter((r) => r.Name.startsWith('wharf-') && r.Name !== keep && !r.Current && r.Description.startsWith('Wharf: '))
    .filter((r) => r.DockerEndpoint.startsWith(prefix) && !exists(r.DockerEndpoint.slice('unix://'.length)))
    .map((r) => r.Name);
}

/** Removes the stale contexts (see staleContexts); returns their names. Never throws. */
export async function pruneContexts(dataDir: string, keep: string): Promise<string[]> {
  try {
    const { stdout } = await run('docker', ['context', 'ls', '--format', '{{json .}}']);
    const rows = stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ContextRow);
    const stale = staleContexts(rows, dataDir, keep, existsSync);
    if (stale.length) await run('docker', ['context', 'rm', ...stale]);
    return stale;
  } catch {
    return [];
  }
}
