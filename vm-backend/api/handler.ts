// The one shape of a call's handler, for every side that serves calls: the engine's domains, the
// targets and the VM. The backend validates the input first (CallParsed) and wraps the answer.
import type { ClientLink } from './client-link';
import type { CallName, CallOutput, CallParsed } from './contract';

/** Serves call K: `client` is the caller (streams and pulls send their events to it alone). */
export type Handler<K extends CallName> = (
  input: CallParsed<K>,
  client?: ClientLink,
) => Promise<CallOutput<K>> | CallOutput<K>;

/** A handler for each of the calls K, each exactly once. */
export type HandlerMap<K extends CallName> = { [Name in K]: Handler<Name> };
