import type { Envelope } from './wire';

/**
 * What Electron's preload exposes as the frozen `window.wharf` (electron/preload), and what the
 * renderer's Electron bridge uses. Exactly these six members: nothing reaches other channels.
 */
export interface PreloadApi {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  openExternal(url: string): Promise<boolean>;
  /** Asks where to save, then streams the container's full log to that file; value false: cancelled. */
  saveLogs(id: string, options: { timestamps: boolean }): Promise<Envelope<boolean>>;
  /** The OS folder dialog: the chosen folder's absolute path, or null when cancelled. */
  pickFolder(): Promise<string | null>;
  platform: string;
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
} as const satisfies Record<Exclude<keyof PreloadApi, 'platform'>, `wharf:${string}`>);
