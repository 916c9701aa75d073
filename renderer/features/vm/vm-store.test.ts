import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../bridge';
import { startVmSync, useVm } from './vm-store';

// A fake bridge: which engine is active decides what vm:overview answers.
let engine = 'local';
const listeners = new Map<string, (p: unknown) => void>();
const bridge = {
  kind: 'web',
  call: async (name: string) => {
    if (name !== 'vm:overview') throw new Error(name);
    return engine === 'vm'
      ? { available: true, status: { name: 'default', state: 'running', progress: '' }, settings: null }
      : { available: false, status: null, settings: null };
  },
  on: (e: string, l: (p: unknown) => void) => {
    listeners.set(e, l);
    return () => listeners.delete(e);
  },
  onTransport: () => () => {},
} as unknown as Bridge;
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('startVmSync', () => {
  it('reads the VM again when the engine switches to it and away from it', async () => {
    const stop = startVmSync(bridge);
    await flush();
    expect(useVm.getState().overview?.available).toBe(false);
    listeners.get('engine:state')?.({ state: 'ready', target: 'local' });
    engine = 'vm';
    listeners.get('engine:state')?.({ state: 'connecting', target: 'vm' });
    await flush();
    expect(useVm.getState().overview).toMatchObject({ available: true, status: { state: 'running' } });
    engine = 'local';
    listeners.get('engine:state')?.({ state: 'ready', target: 'local' });
    await flush();
    expect(useVm.getState().overview?.available).toBe(false);
    stop();
  });
});
