import type { EventName, Events } from '../api/contract';
import type { ClientLink } from '../api/client-link';

let counter = 0;

/**
 * A ClientLink over any transport: `deliver` sends one event to this client only; `close()`
 * (called by the transport when the socket or window goes away) runs the close callbacks once.
 */
export function createClientLink(
  prefix: string,
  deliver: (event: EventName, payload: unknown) => void,
): ClientLink & { close(): void; readonly closed: boolean } {
  const callbacks = new Set<() => void>();
  let closed = false;
  return {
    id: `${prefix}-${++counter}`,
    get closed() {
      return closed;
    },
    send<E extends EventName>(event: E, payload: Events[E]): void {
      if (!closed) deliver(event, payload);
    },
    onClose(cb: () => void): () => void {
      if (closed) {
        queueMicrotask(cb);
        return () => {};
      }
      callbacks.add(cb);
      return () => void callbacks.delete(cb);
    },
    close(): void {
      if (closed) return;
      closed = true;
      for (const cb of [...callbacks]) {
        try {
          cb();
        } catch {
          // One failing cleanup must not keep the others from running.
        }
      }
      callbacks.clear();
    },
  };
}
