import type { TFunction } from 'i18next';
import { accelNoteKey } from '../../../vm-backend/api/rules/vm-accel-note';
import { progressKey } from '../../../vm-backend/api/rules/vm-progress';
import type { VmProblem, VmStatus } from '../../../vm-backend/api/vm-types';

/** A VM problem in the user's language by its code; the backend's English when the code is new. */
export function problemText(
  t: TFunction,
  i18nExists: (k: string) => boolean,
  p: VmProblem,
): { message: string; hint: string; known: boolean } {
  const key = `vmPanel.problem.${p.code}`;
  if (!i18nExists(`${key}.message`)) return { message: p.message, hint: p.hint, known: false };
  return { message: t(`${key}.message`), hint: t(`${key}.hint`), known: true };
}

/** The progress line in the user's language; an unlisted text as the backend wrote it. */
export function progressText(t: TFunction, s: VmStatus): string {
  const k = progressKey(s.progress);
  return k ? t(`vmPanel.progress.${k.key}`, k.params ?? {}) : s.progress;
}

/** Why the VM runs in software emulation, in plain words; an unlisted note as the backend wrote it. */
export function accelNoteText(t: TFunction, note: string): string {
  const k = accelNoteKey(note);
  return k ? t(`vmPanel.accelNote.${k.key}`, k.params ?? {}) : note;
}

/** The accelerator in plain words ("software emulation (tcg), slower..."); an unknown one as named. */
export function accelName(t: TFunction, i18nExists: (k: string) => boolean, accel: string): string {
  const key = `vm.accelName.${accel}`;
  return i18nExists(key) ? t(key) : accel;
}

/** A start that takes this much longer than usual is called slower than usual. */
const SLOW_FACTOR = 1.5;

/** While starting: how long it has been, and how long a start usually takes on this computer. */
export function bootTimeText(t: TFunction, elapsedMs: number, typicalMs?: number): string {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000));
  if (!typicalMs) return t('vm.bootTime.elapsed', { seconds });
  const typical = Math.max(1, Math.round(typicalMs / 1000));
  return t(elapsedMs > typicalMs * SLOW_FACTOR ? 'vm.bootTime.slower' : 'vm.bootTime.typical', { seconds, typical });
}

/** The `wharf vm settings` command a settings form stands for. */
export function settingsCommand(v: {
  cpus: number | string;
  memoryMiB: number | string;
  diskGiB: number | string;
}): string {
  return `wharf vm settings --cpus ${v.cpus} --memory ${v.memoryMiB} --disk ${v.diskGiB}`;
}

/** A path as one shell word ('...' when it has anything the shell would read). */
const shellWord = (p: string): string => (/^[A-Za-z0-9_./@%+=:,-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`);

/** The `wharf vm settings` command a shared folder list stands for. */
export function sharesCommand(shares: readonly string[]): string {
  if (shares.length === 0) return 'wharf vm settings --no-share';
  return `wharf vm settings ${shares.map((p) => `--share ${shellWord(p)}`).join(' ')}`;
}
