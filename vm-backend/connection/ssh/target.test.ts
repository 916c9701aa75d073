import { describe, expect, it } from 'vitest';
import { formatSshTarget, knownHostsName, parseSshTarget, targetId } from './target';

describe('parseSshTarget', () => {
  it('reads user, host and port (22 by default)', () => {
    expect(parseSshTarget('ssh://me@build.example:2222')).toEqual({ user: 'me', host: 'build.example', port: 2222 });
    expect(parseSshTarget('ssh://root@10.0.0.5')).toEqual({ user: 'root', host: '10.0.0.5', port: 22 });
    expect(parseSshTarget('ssh://me@[::1]:2200')).toEqual({ user: 'me', host: '::1', port: 2200 });
  });
  it('refuses a missing user, a bad port or another scheme, saying how to write it', () => {
    expect(() => parseSshTarget('ssh://host:22')).toThrow(/ssh:\/\/user@host/);
    expect(() => parseSshTarget('ssh://me@host:0')).toThrow(/1-65535/);
    expect(() => parseSshTarget('ssh://me@host:99999')).toThrow(/1-65535/);
    expect(() => parseSshTarget('tcp://me@host')).toThrow(/ssh:\/\//);
    expect(() => parseSshTarget('ssh://m e@host')).toThrow(/user/);
    expect(() => parseSshTarget('ssh://me@ho;st')).toThrow(/host/);
  });
  it('formats back, names the host as known_hosts does, and gives a file-safe id', () => {
    expect(formatSshTarget({ user: 'me', host: '::1', port: 22 })).toBe('ssh://me@[::1]:22');
    expect(knownHostsName({ host: 'h', port: 22 })).toBe('h');
    expect(knownHostsName({ host: '127.0.0.1', port: 2222 })).toBe('[127.0.0.1]:2222');
    expect(targetId({ user: 'me', host: '::1', port: 22 })).toBe('me@__1_22');
  });
});
