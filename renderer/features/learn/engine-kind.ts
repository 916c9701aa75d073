// Where the window's engine runs, as the VM lesson tells it: this computer's own engine (local),
// Wharf's Linux VM (vm), another computer over SSH (ssh), or another endpoint (other).
import type { TargetView } from '../../../vm-backend/api/contract.targets';

export type EngineKind = 'local' | 'vm' | 'ssh' | 'other';

/** The kind of the active target, read from the targets list; undefined while either is unknown. */
export function engineKind(
  active: string | undefined,
  targets: readonly TargetView[] | undefined,
): EngineKind | undefined {
  const t = active === undefined ? undefined : targets?.find((x) => x.name === active);
  if (!t) return undefined;
  if (t.engine === 'local' || t.engine === 'vm') return t.engine;
  return t.engine.startsWith('ssh://') ? 'ssh' : 'other';
}
