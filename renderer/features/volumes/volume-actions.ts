// What a click in the volumes view does: each call records its docker command (the CLI bar).
import type { VolumePrunePreview } from '../../../vm-backend/api/contract.volumes';
import { emptyForm } from '../../../vm-backend/api/rules/run-form';
import { volumesCli } from '../../../vm-backend/api/rules/volumes-cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { runAction } from '../../components/run-action';
import { errorShape } from '../../lib/error-shape';
import { useStore } from '../../store/store';
import { useRunDialog } from '../run/run-store';

export interface CreateInput {
  name?: string;
  driver?: string;
  driverOpts?: Record<string, string>;
  labels?: Record<string, string>;
}

/** `key=value` lines (one a line, blank lines skipped) as a map; a line without `=` is an error. */
export function parsePairs(text: string): { pairs: Record<string, string>; bad: string[] } {
  const pairs: Record<string, string> = {};
  const bad: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    if (at <= 0) bad.push(line);
    else pairs[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { pairs, bad };
}

export async function createVolume(bridge: Bridge, input: CreateInput): Promise<WharfErrorShape | null> {
  const r = await runAction(volumesCli.create(input), () => bridge.call('volumes:create', input));
  return r.error ?? null;
}

export async function removeVolume(bridge: Bridge, name: string): Promise<WharfErrorShape | null> {
  const r = await runAction(volumesCli.remove(name), () => bridge.call('volumes:remove', { name }));
  return r.error ?? null;
}

export function loadPrunePreview(bridge: Bridge): Promise<{ preview?: VolumePrunePreview; error?: WharfErrorShape }> {
  return bridge.call('volumes:prune-preview', {}).then(
    (preview) => ({ preview }),
    (e: unknown) => ({ error: errorShape(e) }),
  );
}

export const pruneCli = (): string =>
  volumesCli.prune(Number(useStore.getState().engine?.apiVersion ?? '1.41') >= 1.42);

export async function pruneVolumes(
  bridge: Bridge,
): Promise<{ done?: { count: number; bytes: number }; error?: WharfErrorShape }> {
  const r = await runAction(pruneCli(), () => bridge.call('volumes:prune', {}));
  if (r.error) return { error: r.error };
  return r.value ? { done: { count: r.value.deleted.length, bytes: r.value.spaceReclaimed } } : {};
}

/** The run dialog, pre-filled with `-v NAME:/data`; the image is the user's to choose. */
export function runWithVolume(name: string): void {
  useRunDialog.getState().open({
    kind: 'form',
    form: { ...emptyForm(''), volumes: [{ kind: 'volume', source: name, target: '/data', readOnly: false }] },
  });
}
