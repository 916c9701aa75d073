import type Docker from 'dockerode';
import type { Readable } from 'node:stream';

export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

/** Container actions that change what a row shows (exec_* and attach/resize do not). */
const CONTAINER_ACTIONS =
  /^(create|start|restart|stop|die|kill|pause|unpause|destroy|rename|update|oom|health_status.*)$/;
const IMAGE_ACTIONS = /^(delete|import|load|pull|tag|untag|save|push|create)$/;

/**
 * Labels of Wharf's own short-lived helper containers: the run dialog's port probe and the network
 * picture's readers (`wharf.probe`), the files domain's archive and delete helpers (`wharf.helper`).
 * They live for a moment and are never rows of the containers list.
 */
export const BACKSTAGE_LABELS = ['wharf.probe', 'wharf.helper'] as const;

/** True for a container Wharf made for itself (by its labels): kept out of the list and its events. */
export function isBackstage(labels: Record<string, string> | null | undefined): boolean {
  return BACKSTAGE_LABELS.some((l) => labels?.[l] !== undefined);
}

export function isRelevant(e: EngineEvent): boolean {
  if (isBackstage(e.Actor.Attributes)) return false;
  if (e.Type === 'container') return CONTAINER_ACTIONS.test(e.Action);
  if (e.Type === 'image') return IMAGE_ACTIONS.test(e.Action);
  return false;
}

/** Splits an NDJSON byte stream into parsed objects; a line split across chunks is kept. */
export class NdjsonSplitter {
  private rest = '';
  push(chunk: string, onObject: (o: unknown) => void): void {
    const text = this.rest + chunk;
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) {
      const t = line.trim();
      if (!t) continue;
      try {
        onObject(JSON.parse(t));
      } catch {
        // A malformed line from the engine is skipped, not fatal.
      }
    }
    if (this.rest.length > 1024 * 1024) this.rest = '';
  }
}

export interface EventsHandle {
  close(): void;
}

/** Opens one GET /events stream for containers, images and networks (engine/networks/). `onEnd` fires once when it stops. */
export async function openEvents(
  docker: Docker,
  onEvent: (e: EngineEvent) => void,
  onEnd: (err?: unknown) => void,
): Promise<EventsHandle> {
  const stream = (await docker.getEvents({
    filters: { type: ['container', 'image', 'network'] },
  })) as unknown as Readable;
  const splitter = new NdjsonSplitter();
  let ended = false;
  const end = (err?: unknown): void => {
    if (ended) return;
    ended = true;
    onEnd(err);
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) =>
    splitter.push(chunk, (o) => {
      const e = o as EngineEvent;
      if (e && typeof e.Type === 'string' && typeof e.Action === 'string' && e.Actor && typeof e.Actor.ID === 'string')
        onEvent(e);
    }),
  );
  stream.on('end', () => end());
  stream.on('close', () => end());
  stream.on('error', (err) => end(err));
  return {
    close: () => {
      ended = true;
      stream.destroy();
    },
  };
}
