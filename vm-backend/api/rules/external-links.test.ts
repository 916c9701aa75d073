import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('isAllowedExternalUrl', () => {
  it('allows published ports on this machine, over http or https', () => {
    for (const u of [
      'http://localhost:8080',
      'http://localhost:8080/path?q=1',
      'https://localhost:8443/',
      'http://127.0.0.1:3000',
      'http://[::1]:5000/',
      'http://localhost',
    ]) {
      expect(isAllowedExternalUrl(u), u).toBe(true);
    }
  });
  it('allows Docker docs and Hub over https only', () => {
    expect(isAllowedExternalUrl('https://docs.docker.com/engine/')).toBe(true);
    expect(isAllowedExternalUrl('https://hub.docker.com/_/busybox')).toBe(true);
    expect(isAllowedExternalUrl('https://docs.docker.com:443/')).toBe(true);
    expect(isAllowedExternalUrl('http://docs.docker.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://docs.docker.com:8443/')).toBe(false);
  });
  it('refuses dangerous schemes, even when they name a local host', () => {
    for (const u of [
      'javascript:alert(1)',
      'javascript://localhost/%0aalert(1)',
      'file:///etc/passwd',
      'file://localhost/etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'ftp://localhost/',
      'ws://localhost:1/',
      'vbscript:x',
      'about:blank',
    ]) {
      expect(isAllowedExternalUrl(u), u).toBe(false);
    }
  });
  it('refuses credentials in the URL', () => {
    for (const u of [
      'http://user:pass@localhost:8080',
      'http://user@localhost:8080',
      'https://a:b@docs.docker.com/',
      'https://docs.docker.com@evil.example/',
    ]) {
      expect(isAllowedExternalUrl(u), u).toBe(false);
    }
  });
  it('refuses look-alike and other hosts', () => {
    for (const u of [
      'https://docs.docker.com.evil.example/',
      'https://evil.example/docs.docker.com',
      'http://localhost.evil.example/',
      'http://127.0.0.2:80',
      'http://0.0.0.0:8080',
      'https://example.com',
      'https://docker.com',
    ]) {
      expect(isAllowedExternalUrl(u), u).toBe(false);
    }
  });
  it('refuses non-strings, empty, unparsable and over-long URLs', () => {
    for (const u of [undefined, null, 1, {}, ['http://localhost'], '', 'not a url', '//localhost:80', 'http://'])
      expect(isAllowedExternalUrl(u), String(u)).toBe(false);
    expect(isAllowedExternalUrl(`https://docs.docker.com/${'a'.repeat(2048)}`)).toBe(false);
    expect(isAllowedExternalUrl(`https://docs.docker.com/${'a'.repeat(1000)}`)).toBe(true);
  });
});
