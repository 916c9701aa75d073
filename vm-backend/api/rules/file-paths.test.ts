import { describe, expect, it } from 'vitest';
import { joinPath, nameProblem, normalisePath, parentOf, pathProblem, resolveLink } from './file-paths';

describe('file paths', () => {
  it('refuses relative paths, .. segments, NUL and line breaks', () => {
    expect(pathProblem('/etc/passwd')).toBeNull();
    expect(pathProblem('etc')).not.toBeNull();
    expect(pathProblem('/a/../b')).not.toBeNull();
    expect(pathProblem('/a\nb')).not.toBeNull();
    expect(pathProblem('/a\0b')).not.toBeNull();
    expect(pathProblem('/a..b/c')).toBeNull();
  });
  it('normalises and joins', () => {
    expect(normalisePath('/a//b/./c/')).toBe('/a/b/c');
    expect(normalisePath('/')).toBe('/');
    expect(joinPath('/', 'x')).toBe('/x');
    expect(joinPath('/a', 'x')).toBe('/a/x');
    expect(parentOf('/a/b')).toBe('/a');
    expect(parentOf('/a')).toBe('/');
  });
  it('takes one segment as a file name', () => {
    expect(nameProblem('hello 안녕.txt')).toBeNull();
    for (const bad of ['', '.', '..', 'a/b', 'a\nb', 'x'.repeat(256)]) expect(nameProblem(bad)).not.toBeNull();
  });

  it('resolves a link target inside the root, never above it', () => {
    expect(resolveLink('/bin', 'busybox')).toBe('/bin/busybox');
    expect(resolveLink('/usr/lib', '../share/x')).toBe('/usr/share/x');
    expect(resolveLink('/a', '../../../../etc/passwd')).toBe('/etc/passwd');
    expect(resolveLink('/a', '/etc/hostname')).toBe('/etc/hostname');
  });
});
