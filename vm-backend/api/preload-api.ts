import type { Envelope } from './wire';

/** Electron's nativeTheme.themeSource values: follow the system, or always light or dark. */
export const THEME_SOURCES = ['system', 'light', 'dark'] as const;
export type ThemeSource = (typeof THEME_SOURCES)[number];

/** The value when it is a theme source, else null (the page is not trusted to send one). */
export function themeSource(value: unknown): ThemeSource | null {
  return typeof value === 'string' && (THEME_SOURCES as readonly string[]).includes(value)
    ? (value as ThemeSource)
    : null;
}

/**
 * What Electron's preload exposes as the frozen `window.wharf` (electron/preload), and what the
 * renderer's Electron bridge uses. Exactly these nine members: nothing reaches other channels.
 */
export interface PreloadApi {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  openExternal(url: string): Promise<boolean>;
  /** Asks where to save, then streams the container's full log to that file; value false: cancelled. */
  saveLogs(id: string, options: { timestamps: boolean }): Promise<Envelope<boolean>>;
  /** The OS folder dialog: the chosen folder's absolute path, or null when cancelled. */
  pickFolder(): Promise<string | null>;
  /** The OS save dialog for a file first named `defaultName` (it asks before replacing one): the
   *  folder and the name chosen, for files:save, or null when cancelled. */
  chooseSavePath(defaultName: string): Promise<SavePath | null>;
  /** Where on disk a file the user picked or dropped is (Electron's webUtils.getPathForFile), for
   *  files:copy-in; '' when it has no path. No IPC: the preload answers it. */
  pathForFile(file: File): string;
  /** The page's theme choice, so the app's own parts (menus, dialogs, title bar) match it. */
  setTheme(source: ThemeSource): Promise<void>;
  platform: string;
}

/** A place to save one file: a folder (absolute) and a name in it. */
export interface SavePath {
  folder: string;
  name: string;
}

/**
 * The Electron IPC channel behind each member that crosses to the main process (`on` listens on the
 * one event channel; `platform` is a value). The main process and the preload both read it here.
 */
export const IPC_CHANNELS = Object.freeze({
  invoke: 'wharf:invoke',
  on: 'wharf:event',
  openExternal: 'wharf:open-external',
  saveLogs: 'wharf:save-logs',
  pickFolder: 'wharf:pick-folder',
  chooseSavePath: 'wharf:choose-save-path',
  setTheme: 'wharf:set-theme',
} as const satisfies Record<Exclude<keyof PreloadApi, 'platform' | 'pathForFile'>, `wharf:${string}`>);
