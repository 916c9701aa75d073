import { describe, expect, it } from 'vitest';
import { buildCommand, dockerfileProblem, tagProblem } from './build-form';

describe('build form rules', () => {
  it('checks tags as image references', () => {
    expect(tagProblem('my-app')).toBeNull();
    expect(tagProblem('127.0.0.1:5001/me/app:1.0')).toBeNull();
    expect(tagProblem('localhost/app:Latest_1')).toBeNull();
    expect(tagProblem('My-App')).toBe('uppercase');
    expect(tagProblem('my app')).toBe('whitespace');
    expect(tagProblem('app:-x')).toBe('bad-tag');
    expect(tagProblem('app//x')).toBe('bad-name');
    expect(tagProblem('')).toBe('empty');
    expect(tagProblem(`app@sha256:${'a'.repeat(64)}`)).toBe('bad-name');
    expect(tagProblem(`a/${'b'.repeat(260)}`)).toBe('too-long');
  });

  it('keeps the Dockerfile inside the folder', () => {
    expect(dockerfileProblem('Dockerfile')).toBe(false);
    expect(dockerfileProblem('docker/Dockerfile.dev')).toBe(false);
    expect(dockerfileProblem('../Dockerfile')).toBe(true);
    expect(dockerfileProblem('/etc/passwd')).toBe(true);
    expect(dockerfileProblem('a//b')).toBe(true);
  });

  it('writes the docker build command the form stands for', () => {
    expect(
      buildCommand({
        folder: '/home/me/my app',
        dockerfile: 'Dockerfile.dev',
        tags: ['me/app:1', ''],
        buildArgs: [{ name: 'NODE_ENV', value: 'production mode' }],
        target: 'run',
        noCache: true,
        pull: true,
      }),
    ).toBe(
      "docker build -t me/app:1 -f '/home/me/my app/Dockerfile.dev' --build-arg 'NODE_ENV=production mode' --target run --no-cache --pull '/home/me/my app'",
    );
    expect(
      buildCommand({ folder: '/a', dockerfile: 'Dockerfile', tags: [], buildArgs: [], noCache: false, pull: false }),
    ).toBe('docker build /a');
  });
});
