import type { CallInput, CallName, CallOutput, EventName, Events } from '../../vm-backend/api/contract';
import type { Envelope } from '../../vm-backend/api/wire';

/** What Electron's preload exposes as window.wharf (see electron/preload). */
export interface PreloadApi {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  openExternal(url: string): Promise<boolean>;
  /** Electron: asks where to save, then streams the container's full log to that file. */
  saveLogs(id: string, options: { timestamps: boolean }): Promise<boolean>;
  platform: string;
}

export type TransportState = 'connecting' | 'open' | 'closed';

/** The one object the rest of the renderer talks to; it does not know which transport it has. */
export interface Bridge {
  kind: 'electron' | 'web';
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  openExternal(url: string): void;
  /** Saves the container's full log as a file, streamed from the engine (never held in memory). */
  downloadLogs(id: string, options: { timestamps: boolean }): void;
  /** Transport link state (web mode reconnects; Electron is always open). */
  onTransport(listener: (state: TransportState) => void): () => void;
}

declare global {
  interface Window {
    wharf?: PreloadApi;
  }
}
