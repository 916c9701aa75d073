import { describe, expect, it, vi } from 'vitest';
import type { VmStatus } from '../../vm-backend/api/vm-types';
import type { EngineStatus } from '../../vm-backend/api/types';
import { ping } from '../../vm-backend/engine/ping';
import { EngineSession } from '../../vm-backend/engine/session';
import { vmStartingConnection } from './vm-starting-connection';

function machine(state: VmStatus['state']) {
  const listeners = new Set<(s: VmStatus) => void>();
  const m = {
    status: { name: 'default', state, progress: '', since: 0 } as VmStatus,
    onChange(l: (s: VmStatus) => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    to(state: VmStatus['state']) {
      m.status = { ...m.status, state };
      for (const l of listeners) l(m.status);
    },
    listeners,
  };
  return m;
}

describe('vmStartingConnection', () => {
  it("says why the engine is not there, in the VM's words, and follows the VM", () => {
    const m = machine('stopped');
    const c = vmStartingConnection(m, '/nonexistent/vm');
    const seen = vi.fn();
    c.linkEvents?.onChange(seen);
    expect(c.linkEvents?.down?.()?.code).toBe('VM_ENGINE_STOPPED');
    m.to('starting');
    expect(c.linkEvents?.down?.()?.code).toBe('VM_ENGINE_STARTING');
    expect(seen).toHaveBeenLastCalledWith('down');
    // A new boot phase says nothing new: no second 'down'.
    m.to('starting');
    expect(seen).toHaveBeenCalledTimes(1);
    m.to('error');
    expect(c.linkEvents?.down?.()?.code).toBe('VM_ENGINE_DIED');
    // Running: still down (starting) until the switch to the real engine replaces this connection.
    m.to('running');
    expect(c.linkEvents?.down?.()?.code).toBe('VM_ENGINE_STARTING');
    expect(seen).toHaveBeenCalledTimes(3);
  });

  it('dials nothing: a request fails at once', async () => {
    const c = vmStartingConnection(machine('starting'), '/nonexistent/vm');
    await expect(ping(c)).rejects.toThrow();
  });

  it('close stops following the VM', async () => {
    const m = machine('starting');
    const c = vmStartingConnection(m, '/nonexistent/vm');
    c.linkEvents?.onChange(() => {});
    expect(m.listeners.size).toBe(1);
    await c.close();
    expect(m.listeners.size).toBe(0);
  });
});

describe('vmStartingConnection in a real EngineSession', () => {
  it("the engine state is the VM's at once (no retry countdown) and follows it", async () => {
    const m = machine('starting');
    const states: EngineStatus[] = [];
    const session = new EngineSession(vmStartingConnection(m, '/nonexistent/vm'), {
      state: (s) => states.push(s),
      containers: () => {},
      images: () => {},
    });
    await session.start();
    expect(states.at(-1)).toMatchObject({ state: 'unreachable', error: { code: 'VM_ENGINE_STARTING' } });
    expect(states.at(-1)?.retryInMs).toBeUndefined();
    m.to('error');
    expect(states.at(-1)).toMatchObject({ state: 'unreachable', error: { code: 'VM_ENGINE_DIED' } });
    await session.close();
  });
});
