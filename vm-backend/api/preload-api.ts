import type { Envelope } from './wire';

/**
 * What Electron's preload exposes as the frozen `window.wharf` (electron/preload), and what the
 * renderer's Electron bridge uses. Exactly these five members: nothing reaches other channels.
 */
export interface PreloadApi {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  openExternal(url: string): Promise<boolean>;
  /** Asks where to save, then streams the container's full log to that file; value false: cancelled. */
  saveLogs(id: string, options: { timestamps: boolean }): Promise<Envelope<boolean>>;
  platform: string;
}
