import type { Readable } from 'node:stream';
import type { ClientLink } from '../api/client-link';
import type { EventName, Events } from '../api/contract';
import type { Envelope } from '../api/wire';
import type { FileTransfer } from '../engine/files/file-transfer';

/**
 * The one backend object both transports serve. `invoke` takes untrusted input: it checks the
 * name against the contract, validates the input with the call's schema, and never throws.
 */
export interface Backend {
  invoke(name: string, input: unknown, client?: ClientLink): Promise<Envelope<unknown>>;
  /** Broadcast events (lists, engine state): every client gets them. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** A container's full log as a file stream, for a ticket from 'logs:download-ticket' (one use). */
  openLogDownload?(ticket: string): Promise<{ name: string; stream: Readable }>;
  /** A file download or upload, for a ticket from 'files:download-ticket' / 'files:upload-ticket' (one use). */
  fileTransfer?(ticket: string): FileTransfer;
  /** Stops engine streams and timers. */
  close(): Promise<void>;
}
