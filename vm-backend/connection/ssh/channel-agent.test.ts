import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { asSocket } from './channel-agent';

describe('asSocket (a channel as node:http sees it)', () => {
  it('takes a timeout callback off again with setTimeout(0, cb), as net.Socket does', () => {
    const s = asSocket(new PassThrough()) as PassThrough & { setTimeout(ms: number, cb?: () => void): unknown };
    // A kept-alive channel serving 20 requests: each sets its timeout, then clears it.
    for (let i = 0; i < 20; i++) {
      const cb = (): void => undefined;
      s.setTimeout(60_000, cb);
      s.setTimeout(0, cb);
    }
    expect(s.listenerCount('timeout')).toBe(0);
    s.destroy();
  });

  it('still fires a timeout that is set', async () => {
    const s = asSocket(new PassThrough()) as PassThrough & { setTimeout(ms: number, cb?: () => void): unknown };
    const fired = new Promise<boolean>((resolve) => s.setTimeout(5, () => resolve(true)));
    expect(await fired).toBe(true);
    s.destroy();
  });
});
