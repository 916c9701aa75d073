import { describe, expect, it } from 'vitest';
import { buildsWithBuildKit } from './build-builder';

describe('buildsWithBuildKit', () => {
  it('is true for an engine whose default builder is BuildKit ("2") on API 1.39 or later', () => {
    expect(buildsWithBuildKit({ apiVersion: '1.39', builderVersion: '2' })).toBe(true);
    expect(buildsWithBuildKit({ apiVersion: '1.43', builderVersion: '2' })).toBe(true);
    expect(buildsWithBuildKit({ apiVersion: '2.0', builderVersion: '2' })).toBe(true);
  });
  it('is false for the classic builder, a missing header, or an engine before BuildKit', () => {
    // This machine's dockerd (20.10, API 1.41) sends no Builder-Version header.
    expect(buildsWithBuildKit({ apiVersion: '1.41' })).toBe(false);
    expect(buildsWithBuildKit({ apiVersion: '1.41', builderVersion: '1' })).toBe(false);
    expect(buildsWithBuildKit({ apiVersion: '1.38', builderVersion: '2' })).toBe(false);
    // Compared as numbers, not text: 1.4 is older than 1.39.
    expect(buildsWithBuildKit({ apiVersion: '1.4', builderVersion: '2' })).toBe(false);
  });
  it('is false when nothing is known yet', () => {
    expect(buildsWithBuildKit(null)).toBe(false);
    expect(buildsWithBuildKit({ builderVersion: '2' })).toBe(false);
    expect(buildsWithBuildKit({ apiVersion: 'junk', builderVersion: '2' })).toBe(false);
  });
});
