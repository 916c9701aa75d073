import { describe, expect, it } from 'vitest';
import { hasCode, WharfError } from './errors';

describe('WharfError', () => {
  it('takes a code from ERROR_CODES only', () => {
    // @ts-expect-error a code that is not in the list does not compile (typecheck fails if it does)
    const e = new WharfError({ code: 'ENGINE_UNREACHABL', message: 'm', hint: 'h', detail: 'd' });
    expect(e.code).toBe('ENGINE_UNREACHABL');
  });
  it('keeps a received code it does not know, with its message', () => {
    const e = WharfError.received({ code: 'FROM_A_NEWER_BACKEND', message: 'New words.', hint: 'h', detail: '' });
    expect(e).toBeInstanceOf(WharfError);
    expect(e.toJSON()).toEqual({ code: 'FROM_A_NEWER_BACKEND', message: 'New words.', hint: 'h', detail: '' });
  });
  it('with() keeps the code and the fields not changed', () => {
    const e = new WharfError({ code: 'PORT_IN_USE', message: 'm', hint: 'h', detail: 'd', forceable: true });
    const w = e.with({ params: { port: 80 }, hint: 'h2' });
    expect(w.toJSON()).toEqual({
      code: 'PORT_IN_USE',
      message: 'm',
      hint: 'h2',
      detail: 'd',
      params: { port: 80 },
      forceable: true,
    });
  });
  it('hasCode matches a listed code on anything that has one', () => {
    const e = new WharfError({ code: 'PORT_IN_USE', message: 'm', hint: 'h', detail: 'd' });
    expect(hasCode(e, 'PORT_IN_USE')).toBe(true);
    expect(hasCode(e.toJSON(), 'PORT_IN_USE')).toBe(true);
    expect(hasCode(e, 'NAME_CONFLICT')).toBe(false);
    expect(hasCode(null, 'PORT_IN_USE')).toBe(false);
    expect(hasCode('PORT_IN_USE', 'PORT_IN_USE')).toBe(false);
    // @ts-expect-error a typo'd code does not compile (typecheck fails if it does)
    expect(hasCode(e, 'PORT_IN_US')).toBe(false);
  });
});
