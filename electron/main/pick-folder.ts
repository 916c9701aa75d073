// The folder picker behind window.wharf.pickFolder (build contexts, compose projects): the OS
// dialog, one folder, and only an absolute path or null goes back to the page.
import { isAbsolute } from 'node:path';

export interface OpenDialogResult {
  canceled: boolean;
  filePaths: string[];
}

export interface FolderDialogOptions {
  properties: ('openDirectory' | 'createDirectory' | 'dontAddToRecent')[];
}

/** The options Wharf always asks with: one folder, new folders allowed, nothing added to recents. */
export const FOLDER_DIALOG_OPTIONS: FolderDialogOptions = Object.freeze({
  properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
}) as FolderDialogOptions;

/** Runs `show` (dialog.showOpenDialog bound to the window) and answers the one chosen folder. */
export async function pickFolder(show: (o: FolderDialogOptions) => Promise<OpenDialogResult>): Promise<string | null> {
  const r = await show(FOLDER_DIALOG_OPTIONS);
  const path = r.canceled ? undefined : r.filePaths[0];
  return typeof path === 'string' && isAbsolute(path) ? path : null;
}
