import type { Connection } from './connection';
import { wharfDataDir } from './data-dir';
import { localConnectionFromEnv } from './local';
import { sshConnection } from './ssh/ssh-connection';
import { parseSshTarget } from './ssh/target';

/** The connection an `--engine` value names: `local` (DOCKER_HOST or the default socket) or `ssh://...`. */
export function connectionForEngine(
  engine: string,
  identity?: string,
  env: NodeJS.ProcessEnv = process.env,
  dataDir = wharfDataDir(env),
): Connection {
  if (engine === 'local') return localConnectionFromEnv(env);
  return sshConnection({ target: parseSshTarget(engine), ...(identity ? { identity } : {}), dataDir });
}
