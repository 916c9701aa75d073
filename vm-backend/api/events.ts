// Every event the backend pushes, declared once with how it travels. A broadcast goes to every
// client (Electron's window, each web-mode socket); a per-client event goes only to the client that
// opened its stream or pull (ClientLink); a per-stream event is a per-client one that names its
// stream, and the renderer routes it to the view that opened that stream. The name lists are read
// from here.
// No zod and no runtime import: the preload and the renderer's entry may take it.
import type { NetworkRow } from './contract.networks';
import type { ComposeProgress } from './contract.compose';
import type { CopyProgress } from './contract.files';
import type { PullProgress } from './contract.pull';
import type { BuildOutput, BuildRecord } from './contract.build';
import type { PushProgress } from './contract.push';
import type { VmStatus } from './contract.vm';
import type { VolumeRow } from './contract.volumes';
import type { StatsEndEvent, StatsSampleEvent } from './stats-types';
import type { ExecExit, LogsEnd, LogsState, StreamChunk } from './stream-types';
import type { ContainerRow, EngineStatus, ImageRow, ListChange } from './types';

export type EventScope = 'broadcast' | 'client';

/** One event of the contract: its scope at runtime, its payload type at compile time. */
interface EventDef<P, S extends EventScope> {
  scope: S;
  /** Per-client and routed by the payload's `stream` id (logs, exec). */
  byStream?: true;
  /** Phantom: carries the payload type only. */
  payload?: P;
}

const broadcast = <P>(): EventDef<P, 'broadcast'> => ({ scope: 'broadcast' });
const perClient = <P>(): EventDef<P, 'client'> => ({ scope: 'client' });
const perStream = <P extends { stream: string }>(): EventDef<P, 'client'> => ({ scope: 'client', byStream: true });

export const events = {
  'engine:state': broadcast<EngineStatus>(),
  'containers:changed': broadcast<ListChange<ContainerRow>>(),
  'images:changed': broadcast<ListChange<ImageRow>>(),
  'logs:chunk': perStream<StreamChunk>(),
  'logs:state': perStream<LogsState>(),
  'logs:end': perStream<LogsEnd>(),
  'exec:output': perStream<StreamChunk>(),
  'exec:exit': perStream<ExecExit>(),
  'pull:progress': perClient<PullProgress>(),
  'vm:state': broadcast<VmStatus>(),
  'networks:changed': broadcast<ListChange<NetworkRow>>(),
  'volumes:changed': broadcast<ListChange<VolumeRow>>(),
  'build:changed': broadcast<BuildRecord>(),
  'build:output': broadcast<BuildOutput>(),
  'push:progress': perClient<PushProgress>(),
  'compose:progress': perClient<ComposeProgress>(),
  'stats:sample': perStream<StatsSampleEvent>(),
  'stats:end': perStream<StatsEndEvent>(),
  'files:copy-progress': perClient<CopyProgress>(),
};

type EventDefs = typeof events;
export type Events = { [K in keyof EventDefs]: EventDefs[K] extends EventDef<infer P, EventScope> ? P : never };
export type EventName = keyof Events;
type NamesIn<S extends EventScope> = { [K in EventName]: EventDefs[K]['scope'] extends S ? K : never }[EventName];
export type BroadcastEventName = NamesIn<'broadcast'>;
export type ClientEventName = NamesIn<'client'>;
/** Per-client events that carry a `stream` id: the renderer's stream router hands them to their view. */
export type StreamRoutedEventName = {
  [K in ClientEventName]: Events[K] extends { stream: string } ? K : never;
}[ClientEventName];

const namesIn = <S extends EventScope>(scope: S): readonly NamesIn<S>[] =>
  Object.freeze((Object.keys(events) as EventName[]).filter((k) => events[k].scope === scope) as NamesIn<S>[]);

/** Broadcast to every client. */
export const EVENT_NAMES = namesIn('broadcast');
/** Sent only to the client owning the stream or pull, never broadcast (not in EVENT_NAMES). */
export const STREAM_EVENT_NAMES = namesIn('client');

/** The events the renderer's stream router takes (each declared with perStream). */
export const STREAM_ROUTED_EVENT_NAMES = Object.freeze(
  (Object.keys(events) as EventName[]).filter((k) => 'byStream' in events[k]) as StreamRoutedEventName[],
);

export function isEventName(v: unknown): v is EventName {
  return typeof v === 'string' && Object.hasOwn(events, v);
}
