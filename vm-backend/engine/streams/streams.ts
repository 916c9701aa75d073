// The streams (logs, terminals) each client has open. A stream belongs to the client that opened
// it: only that client may ack, write to, resize or close it, and it ends when the client goes.
import type { ClientLink } from '../../api/client-link';
import { streamNeedsWindow, streamNotFound, tooManyStreams } from './stream-errors';

export interface StreamHandle {
  /** Ends the engine side (HTTP request / hijacked socket). Must be safe to call twice. */
  close(): void;
  ack?(total: number): void;
  input?(data: string): void;
  resize?(cols: number, rows: number): void;
}

interface Entry {
  client: ClientLink;
  handle: StreamHandle;
  offClose: () => void;
}

/** Per client; enough for several log views and shells, few enough to stop a runaway page. */
const MAX_STREAMS_PER_CLIENT = 32;

export class StreamRegistry {
  private readonly entries = new Map<string, Entry>();
  private counter = 0;

  /** Reserves an id for a stream `client` is about to open. */
  newId(client: ClientLink, kind: 'logs' | 'exec' | 'stats'): string {
    let owned = 0;
    for (const e of this.entries.values()) if (e.client === client) owned += 1;
    if (owned >= MAX_STREAMS_PER_CLIENT) throw tooManyStreams(MAX_STREAMS_PER_CLIENT);
    return `${kind}-${++this.counter}`;
  }

  add(id: string, client: ClientLink, handle: StreamHandle): void {
    const offClose = client.onClose(() => this.remove(id));
    this.entries.set(id, { client, handle, offClose });
  }

  /** The stream, if `client` owns it; anything else reads as "not found". */
  get(client: ClientLink | undefined, id: string): StreamHandle {
    const e = this.entries.get(id);
    if (!e || !client || e.client !== client) throw streamNotFound(id);
    return e.handle;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Closes the stream's engine side and forgets it. */
  remove(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    e.offClose();
    try {
      e.handle.close();
    } catch {
      // Already closed.
    }
  }

  closeAll(): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

export function requireClient(client: ClientLink | undefined): ClientLink {
  if (client) return client;
  throw streamNeedsWindow();
}
