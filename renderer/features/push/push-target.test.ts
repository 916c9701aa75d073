import { describe, expect, it } from 'vitest';
import { pushTarget, pushTargetProblem, splitForPush } from './push-target';

describe('the push dialog name', () => {
  it('drops an image’s own registry and keeps its path and tag', () => {
    expect(splitForPush('wharf-fixture/busybox:1')).toEqual({ repository: 'wharf-fixture/busybox', tag: '1' });
    expect(splitForPush('localhost:5000/team/app:2.0')).toEqual({ repository: 'team/app', tag: '2.0' });
    expect(splitForPush('registry.example.com/app')).toEqual({ repository: 'app', tag: 'latest' });
    expect(splitForPush('nginx')).toEqual({ repository: 'nginx', tag: 'latest' });
  });

  it('puts the registry first, or none for Docker Hub’s short form', () => {
    expect(pushTarget('127.0.0.1:5001', 'team/app', '1')).toBe('127.0.0.1:5001/team/app:1');
    expect(pushTarget('', 'me/app', 'latest')).toBe('me/app:latest');
  });

  it('accepts a valid name and says why an invalid one is refused', () => {
    expect(pushTargetProblem('127.0.0.1:5001', 'team/app', '1')).toBeNull();
    expect(pushTargetProblem('127.0.0.1:5001', '', '1')).toBe('empty');
    expect(pushTargetProblem('127.0.0.1:5001', 'app', '')).toBe('empty');
    expect(pushTargetProblem('127.0.0.1:5001', 'My-App', '1')).toBe('uppercase');
    expect(pushTargetProblem('127.0.0.1:5001', 'my app', '1')).toBe('whitespace');
    expect(pushTargetProblem('127.0.0.1:5001', 'app', 'v 1')).toBe('whitespace');
    expect(pushTargetProblem('127.0.0.1:5001', 'app', '-x')).toBe('bad-tag');
    expect(pushTargetProblem('127.0.0.1:5001', 'app:2', '1')).toBe('bad-name');
    expect(pushTargetProblem('127.0.0.1:5001', 'evil.example.com/app', '1')).toBe('bad-name');
    expect(pushTargetProblem('127.0.0.1:5001', 'app@sha256', '1')).toBe('bad-name');
  });
});
