// The one place backend events reach the renderer's stores: at start-up, each domain's subscriber
// (domains.ts: SUBSCRIBERS) is started once. Per-stream events (logs, exec) go through the
// terminal's stream router instead, which their views claim when they open.
import type { Bridge } from './bridge/types';
import { SUBSCRIBERS, type Subscriber } from './domains';

/** Starts every subscriber once; the returned function stops them all. */
export function subscribeAll(bridge: Bridge, subscribers: readonly Subscriber[] = SUBSCRIBERS): () => void {
  const offs = subscribers.map((subscribe) => subscribe(bridge));
  return () => {
    for (const off of offs) off();
  };
}
