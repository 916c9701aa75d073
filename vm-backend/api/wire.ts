// What crosses a transport. Every call answers with an Envelope; nothing throws across it.
import type { WharfErrorShape } from './types';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WharfErrorShape };

/** WebSocket client -> server. */
export interface WireRequest {
  type: 'call';
  id: number;
  name: string;
  input: unknown;
}

/** WebSocket server -> client. */
export type WireMessage =
  | { type: 'result'; id: number; result: Envelope<unknown> }
  | { type: 'event'; name: string; payload: unknown };

/** Largest WebSocket message the server accepts from a client (bytes). */
export const MAX_CLIENT_MESSAGE_BYTES = 1024 * 1024;
