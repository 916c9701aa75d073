import { describe, expect, it } from 'vitest';
import { joinPath, nameProblem, normalisePath, parentOf, pathProblem } from './file-paths';

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
});
