import type { TFunction } from 'i18next';
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

/** The `wharf vm settings` command a settings form stands for. */
export function settingsCommand(v: {
  cpus: number | string;
  memoryMiB: number | string;
  diskGiB: number | string;
}): string {
  return `wharf vm settings --cpus ${v.cpus} --memory ${v.memoryMiB} --disk ${v.diskGiB}`;
}
