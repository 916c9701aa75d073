import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../bridge';
import { useStore } from '../../store/store';
import { subscribeVm, useVm, vmUseEngine } from './vm-store';

// A fake bridge: the VM runs beside whichever engine is active; vm:overview says which one is.
let engine = 'local';
let refuseSwitch = false;
const calls: string[] = [];
const listeners = new Map<string, (p: unknown) => void>();
const bridge = {
  kind: 'web',
  call: async (name: string, input: unknown) => {
    calls.push(`${name} ${JSON.stringify(input)}`);
    if (name === 'targets:use') {
      if (refuseSwitch)
        throw { code: 'VM_START_FAILED', message: 'Wharf could not start its VM.', hint: 'Open the VM panel.' };
      engine = 'vm';
      return {
        overview: { targets: [], active: 'vm', tests: {} },
        status: { state: 'connecting', endpoint: 'vm:default', target: 'vm' },
      };
    }
    if (name !== 'vm:overview') throw new Error(name);
    return {
      available: true,
      status: { name: 'default', state: 'running', progress: '' },
      settings: null,
      inUse: engine === 'vm',
      engine,
    };
  },
  on: (e: string, l: (p: unknown) => void) => {
    listeners.set(e, l);
    return () => listeners.delete(e);
  },
  onTransport: () => () => {},
} as unknown as Bridge;
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('subscribeVm', () => {
  it('reads the VM again when the engine switches to it and away from it', async () => {
    const stop = subscribeVm(bridge);
    await flush();
    expect(useVm.getState().overview).toMatchObject({
      available: true,
      inUse: false,
      engine: 'local',
      status: { state: 'running' },
    });
    listeners.get('engine:state')?.({ state: 'ready', target: 'local' });
    engine = 'vm';
    listeners.get('engine:state')?.({ state: 'connecting', target: 'vm' });
    await flush();
    expect(useVm.getState().overview).toMatchObject({ available: true, inUse: true, engine: 'vm' });
    engine = 'local';
    listeners.get('engine:state')?.({ state: 'ready', target: 'local' });
    await flush();
    expect(useVm.getState().overview).toMatchObject({ inUse: false, engine: 'local' });
    // A vm:state event keeps what the overview said about the engine.
    listeners.get('vm:state')?.({ name: 'default', state: 'stopping', progress: '' });
    expect(useVm.getState().overview).toMatchObject({ inUse: false, engine: 'local', status: { state: 'stopping' } });
    stop();
  });
});

describe('subscribeVm after the VM is created', () => {
  it("reads the overview again for the new VM's settings once it leaves absent", async () => {
    useVm.setState({ overview: null });
    calls.length = 0;
    const stop = subscribeVm(bridge);
    await flush();
    useVm.getState().setOverview({
      available: true,
      status: { name: 'default', state: 'absent', progress: '', since: 0 },
      settings: null,
      inUse: false,
      engine: 'local',
    });
    listeners.get('vm:state')?.({ name: 'default', state: 'creating', progress: '' });
    expect(calls.filter((c) => c.startsWith('vm:overview')).length).toBe(1);
    listeners.get('vm:state')?.({ name: 'default', state: 'stopped', progress: '' });
    await flush();
    expect(calls.filter((c) => c.startsWith('vm:overview')).length).toBe(2);
    stop();
  });
});

describe('vmUseEngine', () => {
  it('switches to the vm target and shows the VM as the engine in use', async () => {
    engine = 'local';
    calls.length = 0;
    await vmUseEngine(bridge);
    expect(calls[0]).toBe('targets:use {"name":"vm"}');
    expect(useStore.getState().engine?.target).toBe('vm');
    expect(useVm.getState()).toMatchObject({ busy: false, actionError: null, overview: { inUse: true, engine: 'vm' } });
  });
  it('a refused switch shows its problem in the panel', async () => {
    engine = 'local';
    refuseSwitch = true;
    await vmUseEngine(bridge);
    expect(useVm.getState()).toMatchObject({ busy: false, actionError: { code: 'VM_START_FAILED' } });
    refuseSwitch = false;
  });
});
