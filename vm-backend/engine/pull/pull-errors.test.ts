import { describe, expect, it } from 'vitest';
import { pullError, pullErrorFromText } from './pull-errors';

const code = (m: string) => pullErrorFromText(m, 'x:1').code;

describe('pull errors explained', () => {
  it("maps the daemon's words to a code", () => {
    expect(code('manifest for 127.0.0.1:5000/wharf/busybox:nope not found: manifest unknown: manifest unknown')).toBe(
      'MANIFEST_UNKNOWN',
    );
    expect(
      code(
        "pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      ),
    ).toBe('PULL_ACCESS_DENIED');
    expect(code('Head "http://127.0.0.1:1/v2/w/b/manifests/1": no basic auth credentials')).toBe('PULL_ACCESS_DENIED');
    expect(code('toomanyrequests: You have reached your pull rate limit.')).toBe('PULL_RATE_LIMITED');
    expect(code('no matching manifest for linux/arm64/v8 in the manifest list entries')).toBe('PULL_WRONG_ARCH');
    expect(code('invalid reference format: repository name must be lowercase')).toBe('INVALID_REFERENCE');
    expect(code('Get "https://r.example/v2/": x509: certificate signed by unknown authority')).toBe('PULL_TLS');
    expect(code('Get "https://r.example/v2/": http: server gave HTTP response to HTTPS client')).toBe('PULL_TLS');
    expect(
      code(
        'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.53:53: no such host',
      ),
    ).toBe('PULL_NO_NETWORK');
    expect(code('Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused')).toBe(
      'PULL_UNREACHABLE',
    );
    expect(code('something else')).toBe('PULL_FAILED');
  });
  it('keeps the platform and the daemon text', () => {
    const e = pullErrorFromText('no matching manifest for linux/arm64/v8 in the manifest list entries', 'redis:7');
    expect(e.params).toEqual({ ref: 'redis:7', platform: 'linux/arm64/v8' });
    expect(e.detail).toContain('no matching manifest');
  });
  it('reads dockerode HTTP errors', () => {
    const err = Object.assign(new Error('(HTTP code 404) unexpected - manifest unknown'), {
      statusCode: 404,
      json: { message: 'manifest for a:b not found: manifest unknown: manifest unknown' },
    });
    expect(pullError(err, 'a:b').code).toBe('MANIFEST_UNKNOWN');
    expect(pullError(Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' }), 'a:b').code).toBe(
      'ENGINE_UNREACHABLE',
    );
  });
});
