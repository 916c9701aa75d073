import { describe, expect, it } from 'vitest';
import { parseWebArgs, UsageError } from './args';

const TOKEN = 'abcdefghijklmnop_-0123';

describe('parseWebArgs', () => {
  it('defaults: a free port, no token (one is made later), opens the browser, local engine', () => {
    expect(parseWebArgs([], {})).toEqual({ port: 0, token: null, open: true, engine: 'local', dockerSocket: true });
  });
  it('reads flags, spaced or with =', () => {
    expect(parseWebArgs(['--port', '8080', '--token', TOKEN, '--no-open', '--engine', 'local'], {})).toEqual({
      port: 8080,
      token: TOKEN,
      open: false,
      engine: 'local',
      dockerSocket: true,
    });
    expect(parseWebArgs([`--port=65535`, `--token=${TOKEN}`], {})).toMatchObject({ port: 65535, token: TOKEN });
  });
  it('takes an SSH engine and a key file', () => {
    expect(parseWebArgs(['--engine', 'ssh://me@127.0.0.1:2222', '--identity', '/k/id'], {})).toMatchObject({
      engine: 'ssh://me@127.0.0.1:2222',
      identity: '/k/id',
    });
    expect(parseWebArgs(['--engine=ssh://me@host'], {}).engine).toBe('ssh://me@host');
    expect(parseWebArgs(['--engine=ssh://me@host', '--no-docker-socket'], {}).dockerSocket).toBe(false);
  });
  it('port 0 means "pick a free port" and is allowed', () => {
    expect(parseWebArgs(['--port', '0'], {}).port).toBe(0);
  });
  it('reads WHARF_WEB_PORT and WHARF_TOKEN; flags win over them', () => {
    expect(parseWebArgs([], { WHARF_WEB_PORT: '9000', WHARF_TOKEN: TOKEN })).toMatchObject({
      port: 9000,
      token: TOKEN,
    });
    const other = 'Z'.repeat(16);
    expect(
      parseWebArgs(['--port', '9001', '--token', other], { WHARF_WEB_PORT: '9000', WHARF_TOKEN: TOKEN }),
    ).toMatchObject({ port: 9001, token: other });
    expect(parseWebArgs([], { WHARF_TOKEN: '' }).token).toBeNull();
  });
  it('refuses bad ports from flags and the environment', () => {
    for (const p of ['70000', '65536', 'abc', '-1', '80.5', '1e3', '', ' 80', '0x50', '123456']) {
      expect(() => parseWebArgs(['--port', p], {}), p).toThrow(UsageError);
      expect(() => parseWebArgs([`--port=${p}`], {}), p).toThrow(UsageError);
      if (p !== '') expect(() => parseWebArgs([], { WHARF_WEB_PORT: p }), p).toThrow(UsageError);
    }
    expect(() => parseWebArgs(['--port'], {})).toThrow(UsageError);
  });
  it('refuses bad tokens from flags and the environment', () => {
    for (const t of [
      'short',
      'x'.repeat(15),
      'x'.repeat(129),
      'has space in it 1234',
      'semi;colon;0123456789',
      'ünïcödé0123456789ab',
      `${TOKEN}\n`,
      '',
    ]) {
      expect(() => parseWebArgs(['--token', t], {}), JSON.stringify(t)).toThrow(UsageError);
      if (t !== '') expect(() => parseWebArgs([], { WHARF_TOKEN: t }), JSON.stringify(t)).toThrow(UsageError);
    }
    expect(() => parseWebArgs(['--token'], {})).toThrow(UsageError);
    expect(() => parseWebArgs(['--token', '--no-open'], {})).toThrow(UsageError);
  });
  it('accepts the bounds of the token pattern', () => {
    expect(parseWebArgs(['--token', 'a'.repeat(16)], {}).token).toBe('a'.repeat(16));
    expect(parseWebArgs(['--token', 'a'.repeat(128)], {}).token).toBe('a'.repeat(128));
  });
  it('refuses unknown options and engines', () => {
    for (const argv of [
      ['--bogus'],
      ['extra'],
      ['-p', '80'],
      ['--engine', 'ssh'],
      ['--engine', 'ssh://host'],
      ['--engine', 'ssh://me@h:0'],
      ['--engine'],
      ['--PORT', '80'],
      ['--identity', 'k'],
      ['--engine', 'ssh://me@h', '--identity'],
    ]) {
      expect(() => parseWebArgs(argv, {}), argv.join(' ')).toThrow(UsageError);
    }
  });
});
