import { describe, expect, it } from 'vitest';
import { parseChallenges, pickChallenge } from './challenge';

describe('WWW-Authenticate', () => {
  it("reads Docker Hub's Bearer challenge", () => {
    const c = pickChallenge(
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"',
    );
    expect(c).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:samalba/my-app:pull,push',
      },
    });
  });
  it('reads Basic, escapes, unquoted values and several challenges', () => {
    expect(pickChallenge('Basic realm="wharf-test"')).toEqual({ scheme: 'basic', params: { realm: 'wharf-test' } });
    expect(parseChallenges('Basic realm="a \\"q\\"", Bearer realm=https://x/t, error=invalid_token')).toEqual([
      { scheme: 'basic', params: { realm: 'a "q"' } },
      { scheme: 'bearer', params: { realm: 'https://x/t', error: 'invalid_token' } },
    ]);
    expect(pickChallenge('Basic realm="r", Bearer realm="https://t"')?.scheme).toBe('bearer');
  });
  it('never throws on garbage', () => {
    expect(parseChallenges(undefined)).toEqual([]);
    expect(parseChallenges('"""===,,,')).toEqual([]);
    expect(pickChallenge('Negotiate abc')).toBeUndefined();
    expect(parseChallenges('Bearer realm="unterminated').length).toBe(1);
  });
});
