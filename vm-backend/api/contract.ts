// The contract: every call and every event, typed once. Both transports (Electron IPC and the
// web-mode WebSocket) serve exactly this map; the backend validates every input against it.
// Add a domain by writing contract.<domain>.ts and spreading it into `calls` below; its events
// go in events.ts.
import type { z } from 'zod';
import { composeCalls } from './contract.compose';
import { containerCalls } from './contract.containers';
import { execCalls } from './contract.exec';
import { fileCalls } from './contract.files';
import { logCalls } from './contract.logs';
import { networkCalls } from './contract.networks';
import { engineCalls } from './contract.engine';
import { imageCalls } from './contract.images';
import { learnCalls } from './contract.learn';
import { hostPathCalls } from './contract.host-paths';
import { buildCalls } from './contract.build';
import { pushCalls } from './contract.push';
import { runCalls } from './contract.run';
import { pullCalls } from './contract.pull';
import { registryCalls } from './contract.registries';
import { searchCalls } from './contract.search';
import { statsCalls } from './contract.stats';
import { targetCalls } from './contract.targets';
import { vmCalls } from './contract.vm';
import { volumeCalls } from './contract.volumes';
import type { CallDef } from './define';
import type { EventName, Events } from './events';

export { EVENT_NAMES, type EventName, type Events, isEventName, STREAM_EVENT_NAMES } from './events';

export const calls = {
  ...engineCalls,
  ...containerCalls,
  ...imageCalls,
  ...logCalls,
  ...execCalls,
  ...runCalls,
  ...searchCalls,
  ...pullCalls,
  ...registryCalls,
  ...vmCalls,
  ...targetCalls,
  ...networkCalls,
  ...volumeCalls,
  ...fileCalls,
  ...hostPathCalls,
  ...buildCalls,
  ...pushCalls,
  ...composeCalls,
  ...statsCalls,
  ...learnCalls,
};

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = Calls[K] extends CallDef<infer I, unknown> ? z.input<I> : never;
export type CallParsed<K extends CallName> = Calls[K] extends CallDef<infer I, unknown> ? z.output<I> : never;
export type CallOutput<K extends CallName> = Calls[K] extends CallDef<z.ZodType, infer O> ? O : never;

export const CALL_NAMES = Object.freeze(Object.keys(calls)) as readonly CallName[];

export function isCallName(v: unknown): v is CallName {
  return typeof v === 'string' && Object.hasOwn(calls, v);
}

/** The shape both transports implement; the renderer's bridge exposes the same. */
export interface BackendApi {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
