import type { Bridge } from '../bridge/types';
import { useStore } from './store';

/** Wires bridge events into the store: one listing on connect, then patches only. */
export function subscribeLists(bridge: Bridge): () => void {
  const s = useStore.getState;
  const load = async (): Promise<void> => {
    try {
      const status = await bridge.call('engine:status', {});
      s().setEngine(status);
      if (status.state !== 'ready') return; // the backend sends a reset when it connects
      // Each list is shown as soon as it arrives: containers need not wait for images.
      await Promise.all([
        bridge.call('containers:list', {}).then((cs) => s().containersListed(cs)),
        bridge.call('images:list', {}).then((is) => s().imagesListed(is)),
      ]);
    } catch {
      // Engine or link down: engine:state and the next reset event bring the lists.
    }
  };
  const offs = [
    bridge.on('engine:state', (st) => s().setEngine(st)),
    bridge.on('containers:changed', (c) => s().containersChanged(c)),
    bridge.on('images:changed', (c) => s().imagesChanged(c)),
    bridge.onTransport((t) => {
      const before = s().backendLink;
      s().setBackendLink(t);
      if (t === 'open' && before !== 'open') {
        s().forgetSeq();
        void load();
      }
    }),
  ];
  return () => offs.forEach((o) => o());
}
