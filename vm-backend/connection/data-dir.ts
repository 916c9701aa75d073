import { homedir } from 'node:os';
import { join } from 'node:path';

/** Wharf's own data folder (keys, known_hosts, sockets): WHARF_DATA_DIR, else the platform's place. */
export function wharfDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.WHARF_DATA_DIR) return env.WHARF_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Wharf');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Wharf');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'wharf');
}
