import { describe, expect, it } from 'vitest';
import { hasCode } from '../../api/errors';
import type { EngineSession } from '../session';
import { volumeSizes } from './volume-calls';

/** A session whose engine answers GET /system/df after `ms` (never, when null), counting calls. */
function fakeSession(ms: number | null) {
  const seen = { dials: 0, aborted: 0 };
  const session = {
    conn: { endpoint: 'unix:///fake.sock' },
    client: () => ({
      modem: {
        dial: (o: { abortSignal: AbortSignal }, cb: (err: unknown, data?: unknown) => void) => {
          seen.dials++;
          o.abortSignal.addEventListener('abort', () => seen.aborted++);
          if (ms !== null)
            setTimeout(() => cb(null, { Volumes: [{ Name: 'a', UsageData: { Size: 5, RefCount: 0 } }] }), ms);
        },
      },
    }),
  } as unknown as EngineSession;
  return { session, seen };
}

describe('volume sizes', () => {
  it('asks the engine once however many windows ask at the same time, then reuses the answer', async () => {
    const { session, seen } = fakeSession(20);
    const all = await Promise.all(Array.from({ length: 10 }, () => volumeSizes(session)));
    expect(all.every((r) => r.sizes.a === 5)).toBe(true);
    await volumeSizes(session);
    expect(seen.dials).toBe(1);
  });

  it('gives up after the timeout with VOLUME_SIZE_TIMEOUT and aborts the request', async () => {
    const { session, seen } = fakeSession(null);
    const err = await volumeSizes(session, 50).catch((e: unknown) => e);
    expect(hasCode(err, 'VOLUME_SIZE_TIMEOUT')).toBe(true);
    expect(seen.aborted).toBe(1);
  });
});
