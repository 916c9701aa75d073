import { describe, expect, it } from 'vitest';
import { appPage } from './app-url';
import { parseDesktopArgs } from './args';

describe('appPage', () => {
  it("built app: only our index.html on Wharf's own protocol, any hash, no query", () => {
    const p = appPage('/app/out/main', 'http://localhost:5173', true);
    expect(p.url).toBe('wharf://app/index.html');
    expect(p.rendererDir).toBe('/app/out/renderer');
    expect(p.isAppUrl('wharf://app/index.html#/images')).toBe(true);
    for (const bad of [
      'file:///app/out/renderer/index.html',
      'wharf://app/other.html',
      'wharf://app/index.html?x',
      'wharf://other/index.html',
      'wharf://user:pw@app/index.html',
      'http://localhost:5173/',
      'http://app/index.html',
      'nonsense',
      5,
    ]) {
      expect(p.isAppUrl(bad), String(bad)).toBe(false);
    }
  });

  it('dev: the dev server origin, unpackaged only', () => {
    const p = appPage('/app/out/main', 'http://localhost:5173', false);
    expect(p.url).toBe('http://localhost:5173/');
    expect(p.isAppUrl('http://localhost:5173/index.html#/x')).toBe(true);
    expect(p.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(p.isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(p.isAppUrl('wharf://app/index.html')).toBe(false);
  });
});

describe('parseDesktopArgs', () => {
  it('accepts --engine local among Electron and Chromium arguments', () => {
    expect(parseDesktopArgs(['.', '--no-sandbox', '--engine', 'local'])).toEqual({ engine: 'local' });
    expect(parseDesktopArgs(['--engine=local', '--inspect=9229'])).toEqual({ engine: 'local' });
    expect(parseDesktopArgs([])).toEqual({ engine: 'local' });
  });

  it('refuses engines this version does not have', () => {
    expect(() => parseDesktopArgs(['--engine', 'qemu'])).toThrow(/or ssh:\/\/user@host/);
    expect(() => parseDesktopArgs(['--engine=ssh'])).toThrow(/or ssh:\/\/user@host/);
    expect(() => parseDesktopArgs(['--engine'])).toThrow(/or ssh:\/\/user@host/);
  });

  it('takes an SSH engine and its key', () => {
    expect(parseDesktopArgs(['.', '--engine', 'ssh://me@host:2222', '--identity', '/k'])).toEqual({
      engine: 'ssh://me@host:2222',
      identity: '/k',
    });
  });
});
