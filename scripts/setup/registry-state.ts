import { readFileSync } from 'node:fs';

/** What scripts/setup/start-registry.sh wrote: the test registries' addresses and credentials. */
export interface RegistryState {
  /** host:port of the open registry */
  WHARF_REGISTRY: string;
  /** host:port of the one behind basic auth */
  WHARF_REGISTRY_AUTH: string;
  WHARF_REGISTRY_USER: string;
  WHARF_REGISTRY_PASSWORD: string;
  [key: string]: string;
}

export const REGISTRY_STATE_FILE =
  process.env.WHARF_REGISTRY_STATE ?? `${process.env.WHARF_REGISTRY_DIR ?? '/tmp/wharf-registry'}/state.env`;

export function readRegistryState(file = REGISTRY_STATE_FILE): RegistryState {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const pairs = lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string]);
  const state = Object.fromEntries(pairs) as RegistryState;
  for (const k of ['WHARF_REGISTRY', 'WHARF_REGISTRY_AUTH', 'WHARF_REGISTRY_USER', 'WHARF_REGISTRY_PASSWORD']) {
    if (!state[k]) throw new Error(`${file} has no ${k}: run scripts/setup/start-registry.sh`);
  }
  return state;
}
