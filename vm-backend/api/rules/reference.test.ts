import { describe, expect, it } from 'vitest';
import { familiarName, formatReference, parseReference } from './reference';

const ok = (s: string) => {
  const r = parseReference(s);
  if (!r.ok) throw new Error(`${s}: ${r.problem}`);
  return r.ref;
};
const problem = (s: string) => {
  const r = parseReference(s);
  return r.ok ? 'ok' : r.problem;
};

describe('parseReference', () => {
  it('reads Hub names the way docker does', () => {
    expect(ok('redis')).toEqual({ domain: 'docker.io', path: 'library/redis' });
    expect(ok('redis:7')).toEqual({ domain: 'docker.io', path: 'library/redis', tag: '7' });
    expect(ok('me/app:1.0-RC')).toEqual({ domain: 'docker.io', path: 'me/app', tag: '1.0-RC' });
    expect(ok('index.docker.io/library/redis').domain).toBe('docker.io');
  });
  it('reads registries with ports, localhost and digests', () => {
    expect(ok('127.0.0.1:5000/wharf/busybox:1')).toEqual({ domain: '127.0.0.1:5000', path: 'wharf/busybox', tag: '1' });
    expect(ok('localhost/app').domain).toBe('localhost');
    const d = `sha256:${'a'.repeat(64)}`;
    expect(ok(`ghcr.io/o/r@${d}`)).toEqual({ domain: 'ghcr.io', path: 'o/r', digest: d });
  });
  it('explains what is wrong', () => {
    expect(problem('')).toBe('empty');
    expect(problem('Redis')).toBe('uppercase');
    expect(problem('my image')).toBe('whitespace');
    expect(problem('redis\u0007')).toBe('whitespace');
    expect(problem('redis:-x')).toBe('bad-tag');
    expect(problem('redis@sha256:xyz')).toBe('bad-digest');
    expect(problem('../etc/passwd')).toBe('bad-name');
    expect(problem('a//b')).toBe('bad-name');
    expect(problem('https://evil.example/x')).toBe('bad-name');
    expect(problem('a'.repeat(600))).toBe('too-long');
    expect(problem(`x/${'a'.repeat(300)}`)).toBe('too-long');
  });
  it('formats the familiar name with an explicit tag', () => {
    expect(formatReference(ok('redis'))).toBe('redis:latest');
    expect(formatReference(ok('127.0.0.1:5000/wharf/busybox:1'))).toBe('127.0.0.1:5000/wharf/busybox:1');
    expect(familiarName({ domain: 'docker.io', path: 'me/app' })).toBe('me/app');
  });
});
