import type { EventName, Events } from './api/contract';
import type { Envelope } from './api/wire';

/**
 * The one backend object both transports serve. `invoke` takes untrusted input: it checks the
 * name against the contract, validates the input with the call's schema, and never throws.
 */
export interface Backend {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Stops engine streams and timers. */
  close(): Promise<void>;
}
