import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../../vm-backend/api/contract';
import type { NetworkRow } from '../../../vm-backend/api/contract.networks';
import type { Bridge, TransportState } from '../../bridge/types';
import { subscribeNetworks, useNetworks } from './networks-store';

const row = (id: string): NetworkRow => ({
  id,
  name: id,
  driver: 'bridge',
  scope: 'local',
  subnets: [],
  internal: false,
  ipv6: false,
  builtin: false,
  created: '',
  containers: [],
});

/** A bridge whose events the test sends, answering networks:list with `lists` in turn. */
function fakeBridge(lists: NetworkRow[][]) {
  const listeners = new Map<string, ((p: unknown) => void)[]>();
  let calls = 0;
  const bridge = {
    kind: 'web',
    call: async (name: string) => {
      if (name === 'engine:status') return { state: 'ready', endpoint: 'x', target: 'local' };
      if (name === 'networks:list') return { rows: lists[calls++] ?? [], seq: calls };
      throw new Error(name);
    },
    on: (event: string, l: (p: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), l]);
      return () => undefined;
    },
    onTransport: (_l: (t: TransportState) => void) => () => undefined,
  } as unknown as Bridge;
  const send = <E extends EventName>(event: E, payload: Events[E]): void => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { bridge, send, calls: () => calls };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('subscribeNetworks', () => {
  it('lists when the engine becomes ready, applies patches, and forgets on another engine', async () => {
    const f = fakeBridge([[row('a')], [row('ssh-net')]]);
    const off = subscribeNetworks(f.bridge);
    f.send('engine:state', { state: 'ready', endpoint: 'x', target: 'local' });
    await tick();
    expect(Object.keys(useNetworks.getState().list.byId)).toEqual(['a']);
    f.send('networks:changed', { kind: 'patch', upserts: [row('b')], removed: ['a'], seq: 5 });
    expect(Object.keys(useNetworks.getState().list.byId)).toEqual(['b']);
    // A switch: the old engine's networks go at once; the new engine's list comes when it is ready.
    f.send('engine:state', { state: 'connecting', endpoint: 'y', target: 'ssh' });
    expect(useNetworks.getState().list.byId).toEqual({});
    f.send('engine:state', { state: 'ready', endpoint: 'y', target: 'ssh' });
    await tick();
    expect(Object.keys(useNetworks.getState().list.byId)).toEqual(['ssh-net']);
    expect(f.calls()).toBe(2);
    off();
  });
});
