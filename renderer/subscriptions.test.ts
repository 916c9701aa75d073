import { describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../vm-backend/api/contract';
import type { Bridge } from './bridge/types';
import { usePulls } from './features/pull/pull-store';
import { useVm } from './features/vm/vm-store';
import { useStore } from './store/store';
import { SUBSCRIBERS } from './domains';
import { subscribeAll } from './subscriptions';

/** A bridge that records subscriptions and lets the test push events; calls never answer. */
function fakeBridge() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const transport = new Set<(s: 'open') => void>();
  const bridge = {
    kind: 'web',
    call: () => new Promise(() => {}),
    on: (event: string, l: (p: unknown) => void) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(l);
      return () => listeners.get(event)!.delete(l);
    },
    onTransport: (l: (s: 'open') => void) => {
      transport.add(l);
      return () => transport.delete(l);
    },
  } as unknown as Bridge;
  const push = (event: string, payload: unknown): void => listeners.get(event)?.forEach((l) => l(payload));
  const count = (): number => [...listeners.values()].reduce((n, s) => n + s.size, 0) + transport.size;
  const events = (): string[] => [...listeners].filter(([, s]) => s.size > 0).map(([e]) => e);
  return { bridge, push, count, events };
}

describe('subscribeAll', () => {
  it('subscribes to every broadcast event and to pull progress, once at start', () => {
    const f = fakeBridge();
    const stop = subscribeAll(f.bridge);
    expect(f.events()).toEqual(expect.arrayContaining([...EVENT_NAMES, 'pull:progress']));
    // Per-stream events belong to the stream router, claimed by the views that open them.
    expect(f.events().filter((e) => /^(logs|exec):/.test(e))).toEqual([]);
    stop();
  });

  it('puts each event into its store slice', () => {
    const f = fakeBridge();
    const stop = subscribeAll(f.bridge);
    f.push('engine:state', { state: 'ready', endpoint: 'unix', target: 'local' });
    f.push('containers:changed', { kind: 'reset', seq: 1, rows: [{ id: 'c1', name: 'web-1' }] });
    f.push('images:changed', { kind: 'reset', seq: 1, rows: [{ id: 'i1' }] });
    f.push('vm:state', { name: 'default', state: 'running', progress: '' });
    f.push('pull:progress', {
      pull: 'p1',
      ref: 'busybox',
      layers: [],
      fraction: 0,
      bytesDone: 0,
      bytesTotal: 0,
      state: 'running',
    });
    expect(useStore.getState().engine?.state).toBe('ready');
    expect(useStore.getState().containers.byId.c1?.name).toBe('web-1');
    expect(Object.keys(useStore.getState().images.byId)).toContain('i1');
    expect(useVm.getState().overview?.status?.state).toBe('running');
    expect(usePulls.getState().order).toContain('p1');
    stop();
  });

  it('undoes every subscription when stopped', () => {
    const f = fakeBridge();
    const stop = subscribeAll(f.bridge);
    expect(f.count()).toBeGreaterThan(0);
    stop();
    expect(f.count()).toBe(0);
  });

  it('starts each subscriber with the bridge, once', () => {
    const f = fakeBridge();
    const seen: Bridge[] = [];
    const stop = subscribeAll(f.bridge, [(b) => (seen.push(b), () => {}), (b) => (seen.push(b), () => {})]);
    expect(seen).toEqual([f.bridge, f.bridge]);
    expect(SUBSCRIBERS.length).toBeGreaterThanOrEqual(4);
    stop();
  });
});
