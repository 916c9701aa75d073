// The contract: every call and every event, typed once. Both transports (Electron IPC and the
// web-mode WebSocket) serve exactly this map; the backend validates every input against it.
// Add a domain by writing contract.<domain>.ts and spreading it into `calls` below.
import type { z } from 'zod';
import { containerCalls } from './contract.containers';
import { execCalls } from './contract.exec';
import { logCalls } from './contract.logs';
import { engineCalls } from './contract.engine';
import { imageCalls } from './contract.images';
import { runCalls } from './contract.run';
import { pullCalls, type PullProgress } from './contract.pull';
import { registryCalls } from './contract.registries';
import { searchCalls } from './contract.search';
import { targetCalls } from './contract.targets';
import { vmCalls, type VmStatus } from './contract.vm';
import type { CallDef } from './define';
import type { ExecExit, LogsEnd, LogsState, StreamChunk } from './stream-types';
import type { ContainerRow, EngineStatus, ImageRow, ListChange } from './types';

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
};

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = Calls[K] extends CallDef<infer I, unknown> ? z.input<I> : never;
export type CallParsed<K extends CallName> = Calls[K] extends CallDef<infer I, unknown> ? z.output<I> : never;
export type CallOutput<K extends CallName> = Calls[K] extends CallDef<z.ZodType, infer O> ? O : never;

export const CALL_NAMES = Object.freeze(Object.keys(calls)) as readonly CallName[];

/** Events the backend pushes. EVENT_NAMES are broadcast to every client. */
export interface Events {
  'engine:state': EngineStatus;
  'containers:changed': ListChange<ContainerRow>;
  'images:changed': ListChange<ImageRow>;
  // Per-client stream events: sent only to the client that opened the stream (ClientLink).
  'logs:chunk': StreamChunk;
  'logs:state': LogsState;
  'logs:end': LogsEnd;
  'exec:output': StreamChunk;
  'exec:exit': ExecExit;
  'pull:progress': PullProgress;
  'vm:state': VmStatus;
}
export type EventName = keyof Events;

export const EVENT_NAMES = Object.freeze([
  'engine:state',
  'containers:changed',
  'images:changed',
  'vm:state',
] as const satisfies readonly EventName[]);

export function isCallName(v: unknown): v is CallName {
  return typeof v === 'string' && Object.hasOwn(calls, v);
}

/** Events that go only to the client owning the stream, never broadcast (not in EVENT_NAMES). */
export const STREAM_EVENT_NAMES = Object.freeze([
  'logs:chunk',
  'logs:state',
  'logs:end',
  'exec:output',
  'exec:exit',
  'pull:progress',
] as const satisfies readonly EventName[]);

export function isEventName(v: unknown): v is EventName {
  return (
    typeof v === 'string' &&
    ((EVENT_NAMES as readonly string[]).includes(v) || (STREAM_EVENT_NAMES as readonly string[]).includes(v))
  );
}

/** The shape both transports implement; the renderer's bridge exposes the same. */
export interface BackendApi {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
