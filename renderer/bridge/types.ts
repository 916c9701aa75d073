import type { CallInput, CallName, CallOutput, EventName, Events } from '../../vm-backend/api/contract';
import type { PreloadApi } from '../../vm-backend/api/preload-api';

export type { PreloadApi } from '../../vm-backend/api/preload-api';

/** 'unauthorized': web mode opened without (or with a wrong) token; no retry helps. */
export type TransportState = 'connecting' | 'open' | 'closed' | 'unauthorized';

/** The one object the rest of the renderer talks to; it does not know which transport it has. */
export interface Bridge {
  kind: 'electron' | 'web';
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  openExternal(url: string): void;
  /** Saves the container's full log as a file, streamed from the engine (never held in memory).
   *  Rejects with a WharfError the UI shows (the container is gone, the file cannot be written). */
  downloadLogs(id: string, options: { timestamps: boolean }): Promise<void>;
  /** Transport link state (web mode reconnects; Electron is always open). */
  onTransport(listener: (state: TransportState) => void): () => void;
}

declare global {
  interface Window {
    wharf?: PreloadApi;
  }
}
