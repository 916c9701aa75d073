// Routes per-client stream events (logs:chunk, exec:output, ...) to the view that owns the stream.
// The backend may send the first chunks before `logs:open` has answered with the stream id, so
// events for a stream nobody has claimed yet are held briefly and handed over on claim.
import type { Events } from '../../../vm-backend/api/contract';
import { STREAM_ROUTED_EVENT_NAMES, type StreamRoutedEventName } from '../../../vm-backend/api/events';
import type { Bridge } from '../../bridge';

type StreamEvent = StreamRoutedEventName;
const HOLD_MS = 10_000;

export type StreamListener = <E extends StreamEvent>(event: E, payload: Events[E]) => void;

interface Held {
  at: number;
  events: [StreamEvent, unknown][];
}

export class StreamRouter {
  private readonly owners = new Map<string, StreamListener>();
  private readonly held = new Map<string, Held>();

  constructor(bridge: Bridge) {
    for (const name of STREAM_ROUTED_EVENT_NAMES) {
      bridge.on(name, (p) => this.route(name, p));
    }
  }

  /** Delivers the stream's events to `listener` (first any held ones); returns the release. */
  claim(stream: string, listener: StreamListener): () => void {
    this.owners.set(stream, listener);
    const held = this.held.get(stream);
    this.held.delete(stream);
    for (const [e, p] of held?.events ?? []) listener(e, p as never);
    return () => {
      if (this.owners.get(stream) === listener) this.owners.delete(stream);
      this.held.delete(stream);
    };
  }

  private route(event: StreamEvent, payload: { stream: string }): void {
    const owner = this.owners.get(payload.stream);
    if (owner) {
      owner(event, payload as never);
      return;
    }
    const now = Date.now();
    for (const [id, h] of this.held) if (now - h.at > HOLD_MS) this.held.delete(id);
    let h = this.held.get(payload.stream);
    if (!h) this.held.set(payload.stream, (h = { at: now, events: [] }));
    h.events.push([event, payload]);
  }
}

let router: StreamRouter | null = null;
export function streamRouter(bridge: Bridge): StreamRouter {
  router ??= new StreamRouter(bridge);
  return router;
}
