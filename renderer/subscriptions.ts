// The one place backend events reach the renderer's stores: at start-up, each domain's subscriber
// is started once. A new domain adds one line to SUBSCRIBERS. Per-stream events (logs, exec) go
// through the terminal's stream router instead, which their views claim when they open.
import type { Bridge } from './bridge/types';
import { subscribePulls } from './features/pull/pull-store';
import { subscribeTargets } from './features/targets/targets-store';
import { subscribeVm } from './features/vm/vm-store';
import { subscribeLists } from './store/sync';

/** Wires a domain's events into its store; returns what undoes it. */
type Subscriber = (bridge: Bridge) => () => void;

export const SUBSCRIBERS: readonly Subscriber[] = [
  subscribeLists, // engine:state, containers:changed, images:changed; the lists on (re)connect
  subscribeVm, // vm:state; the VM's overview on (re)connect and after an engine switch
  subscribeTargets, // engine:state's target: the engines dialog and the VM panel follow a switch
  subscribePulls, // pull:progress (this window's pulls only)
];

/** Starts every subscriber once; the returned function stops them all. */
export function subscribeAll(bridge: Bridge, subscribers: readonly Subscriber[] = SUBSCRIBERS): () => void {
  const offs = subscribers.map((subscribe) => subscribe(bridge));
  return () => {
    for (const off of offs) off();
  };
}
