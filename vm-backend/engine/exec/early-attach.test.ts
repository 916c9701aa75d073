import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dropAttach, holdAttach, takeAttach } from './early-attach';

describe('early attach', () => {
  it('keeps what the program printed before the terminal took the socket', () => {
    const s = new PassThrough();
    holdAttach('c1', s);
    s.write('/ # ');
    const got = takeAttach('c1');
    expect(got?.early.toString()).toBe('/ # ');
    expect(got?.ended).toBe(false);
    expect(takeAttach('c1')).toBeNull();
  });

  it('says when the program already ended', async () => {
    const s = new PassThrough();
    holdAttach('c2', s);
    s.end('bye\n');
    s.resume();
    s.destroy();
    await new Promise((r) => setTimeout(r, 10));
    const got = takeAttach('c2');
    expect(got?.early.toString()).toBe('bye\n');
    expect(got?.ended).toBe(true);
  });

  it('closes a socket nobody takes, after the hold time or when dropped', async () => {
    const a = new PassThrough();
    holdAttach('c3', a, 20);
    await new Promise((r) => setTimeout(r, 50));
    expect(a.destroyed).toBe(true);
    expect(takeAttach('c3')).toBeNull();
    const b = new PassThrough();
    holdAttach('c4', b);
    dropAttach('c4');
    expect(b.destroyed).toBe(true);
  });
});
