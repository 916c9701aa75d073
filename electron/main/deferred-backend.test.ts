import { describe, expect, it, vi } from 'vitest';
import { WharfError } from '../../vm-backend/api/errors';
import type { Backend } from '../../vm-backend/wiring/backend-types';
import { deferredBackend } from './deferred-backend';

function realBackend() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  return {
    invoke: vi.fn(async (name: string) => ({ ok: true as const, value: name })),
    on: vi.fn((event: string, l: (p: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(l));
      return () => void set.delete(l);
    }),
    close: vi.fn(async () => {}),
    emit: (event: string, p: unknown) => {
      for (const l of listeners.get(event) ?? []) l(p);
    },
  };
}

describe('deferredBackend', () => {
  it('calls made before the backend exists wait for it; listeners attach when it arrives', async () => {
    let resolve: (b: Backend) => void = () => {};
    const b = deferredBackend(new Promise<Backend>((r) => (resolve = r)));
    const seen: unknown[] = [];
    b.on('vm:state', (p) => seen.push(p));
    const dropped = vi.fn();
    b.on('engine:state', dropped)();
    const answer = b.invoke('vm:overview', {});
    const real = realBackend();
    resolve(real as unknown as Backend);
    expect(await answer).toEqual({ ok: true, value: 'vm:overview' });
    real.emit('vm:state', { state: 'starting' });
    real.emit('engine:state', { state: 'ready' });
    expect(seen).toEqual([{ state: 'starting' }]);
    expect(dropped).not.toHaveBeenCalled();
    const late = vi.fn();
    const off = b.on('vm:state', late);
    off();
    real.emit('vm:state', {});
    expect(late).not.toHaveBeenCalled();
    await b.close();
    await b.close();
    expect(real.close).toHaveBeenCalledTimes(1);
  });

  it('a start-up that failed answers every call with its coded error instead of exiting', async () => {
    const coded = new WharfError({ code: 'TARGET_ADDRESS_INVALID', message: 'bad', hint: 'fix', detail: 'd' });
    const b = deferredBackend(Promise.reject(coded));
    expect(await b.invoke('engine:status', {})).toEqual({ ok: false, error: coded.toJSON() });
    const plain = deferredBackend(Promise.reject(new Error('EACCES: /data')));
    const r = await plain.invoke('engine:status', {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('ENGINE_UNREACHABLE');
    expect(!r.ok && r.error.detail).toBe('EACCES: /data');
    await expect(plain.close()).resolves.toBeUndefined();
  });
});
