import { describe, expect, it } from 'vitest';
import { factsOf, MIB } from './inspect-facts';

describe('factsOf', () => {
  it('reads -it and --memory from the engine inspect JSON', () => {
    const raw = { Config: { Tty: true, OpenStdin: true }, HostConfig: { Memory: 64 * MIB } };
    expect(factsOf(raw, 'running')).toEqual({ state: 'running', tty: true, openStdin: true, memory: 64 * MIB });
  });

  it('takes absent, odd or zero fields as not set', () => {
    expect(factsOf({ Config: { Tty: 'yes' }, HostConfig: { Memory: 0 } }, 'exited')).toEqual({
      state: 'exited',
      tty: false,
      openStdin: false,
      memory: 0,
    });
    expect(factsOf(null, 'running')).toMatchObject({ tty: false, memory: 0 });
    expect(factsOf({ HostConfig: { Memory: -1 } }, 'running').memory).toBe(0);
  });
});
