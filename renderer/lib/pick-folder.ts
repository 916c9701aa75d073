// The OS folder dialog for views that take a folder (a build context, a compose project). The
// desktop app has one (window.wharf.pickFolder); web mode has none, so it answers null and the
// view keeps its text field.
import type { PreloadApi } from '../bridge/types';

/** True when the OS dialog exists here (the desktop app): show a "Choose…" button only then. */
export function canPickFolder(api: Pick<PreloadApi, 'pickFolder'> | undefined = globalThis.window?.wharf): boolean {
  return typeof api?.pickFolder === 'function';
}

/** The chosen folder's absolute path; null when cancelled, when the dialog failed, or in web mode. */
export async function pickFolder(
  api: Pick<PreloadApi, 'pickFolder'> | undefined = globalThis.window?.wharf,
): Promise<string | null> {
  if (!canPickFolder(api)) return null;
  try {
    const path = await api?.pickFolder();
    return typeof path === 'string' && path.length > 0 ? path : null;
  } catch {
    return null;
  }
}
