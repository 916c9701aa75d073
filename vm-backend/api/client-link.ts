// Part of the transport contract: the backend's view of one client, whichever transport it uses.
import type { EventName, Events } from './contract';

/**
 * One client of the backend: a browser tab's WebSocket or an Electron window's webContents.
 * Streams (logs, shells) belong to the client that opened them: their events go only to it,
 * and they end when it goes away.
 */
export interface ClientLink {
  readonly id: string;
  send<E extends EventName>(event: E, payload: Events[E]): void;
  /** Runs `cb` once when the client goes away; the returned function unregisters it. */
  onClose(cb: () => void): () => void;
}
