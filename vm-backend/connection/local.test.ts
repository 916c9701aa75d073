import { describe, expect, it } from 'vitest';
import { UnsupportedDockerHostError, localConnectionFromEnv } from './local';

describe('localConnectionFromEnv', () => {
  it('defaults to /var/run/docker.sock on Linux', () => {
    const c = localConnectionFromEnv({}, 'linux');
    expect(c.httpOptions()).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(c.endpoint).toBe('unix:///var/run/docker.sock');
  });
  it('reads unix:// and tcp:// DOCKER_HOST', () => {
    expect(localConnectionFromEnv({ DOCKER_HOST: 'unix:///tmp/d.sock' }, 'linux').dockerOptions()).toEqual({
      socketPath: '/tmp/d.sock',
    });
    expect(localConnectionFromEnv({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }, 'linux').httpOptions()).toEqual({
      host: '127.0.0.1',
      port: 2375,
    });
  });
  it('uses the named pipe on Windows', () => {
    expect(localConnectionFromEnv({}, 'win32').dockerOptions()).toEqual({ socketPath: '//./pipe/docker_engine' });
  });
  it('refuses schemes it cannot serve, with a reason', () => {
    expect(() => localConnectionFromEnv({ DOCKER_HOST: 'ftp://x' }, 'linux')).toThrow(UnsupportedDockerHostError);
    expect(() => localConnectionFromEnv({ DOCKER_HOST: 'unix://relative.sock' }, 'linux')).toThrow(/absolute/);
    expect(() => localConnectionFromEnv({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' }, 'linux')).toThrow(
      /TLS/,
    );
  });
});
