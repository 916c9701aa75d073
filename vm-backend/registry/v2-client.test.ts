// A fake registry on 127.0.0.1: the Bearer token flow, garbage, hanging and huge answers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, nextLink, registryBaseUrl } from './v2-client';

let server: Server;
let host = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${url.pathname} ${req.headers.authorization ?? ''}`);
    if (url.pathname === '/token') {
      const ok =
        req.headers.authorization === `Basic ${Buffer.from('u:p').toString('base64')}` &&
        url.searchParams.get('service') === 'fake' &&
        url.searchParams.get('scope') === 'repository:a/b:pull';
      res
        .writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
        .end(ok ? '{"token":"T1","expires_in":60}' : '{}');
      return;
    }
    if (url.pathname.startsWith('/v2/a/b/tags/list')) {
      if (req.headers.authorization !== 'Bearer T1') {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${host}/token",service="fake",scope="repository:a/b:pull"`,
          })
          .end();
        return;
      }
      const last = url.searchParams.get('last');
      res
        .writeHead(200, last ? {} : { link: '</v2/a/b/tags/list?n=2&last=2>; rel="next"' })
        .end(JSON.stringify({ name: 'a/b', tags: last ? ['3'] : ['1', '2'] }));
      return;
    }
    if (url.pathname === '/v2/_catalog') {
      const mode = req.headers['x-mode'];
      if (mode) return;
      res
        .writeHead(200, url.searchParams.get('last') ? {} : { link: '</v2/_catalog?n=2&last=y>; rel="next"' })
        .end(JSON.stringify({ repositories: url.searchParams.get('last') ? ['z'] : ['x', 'y'] }));
      return;
    }
    if (url.pathname === '/v2/garbage/tags/list') return void res.writeHead(200).end('<html>not json');
    if (url.pathname === '/v2/huge/tags/list') {
      res.writeHead(200);
      const chunk = 'x'.repeat(1 << 20);
      for (let i = 0; i < 10; i += 1) res.write(chunk);
      return void res.end();
    }
    if (url.pathname === '/v2/hang/tags/list') return; // never answers
    res.writeHead(404).end('{"errors":[{"code":"NAME_UNKNOWN"}]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('RegistryClient', () => {
  it('uses http on loopback only, and reads Link headers', () => {
    expect(registryBaseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(registryBaseUrl('localhost:5000')).toBe('http://localhost:5000');
    expect(registryBaseUrl('[::1]:5000')).toBe('http://[::1]:5000');
    expect(registryBaseUrl('registry.example:5000')).toBe('https://registry.example:5000');
    expect(nextLink('</v2/_catalog?last=x&n=100>; rel="next"')).toBe('/v2/_catalog?last=x&n=100');
    expect(nextLink(null)).toBeUndefined();
  });
  it('answers a Bearer challenge with a token from the realm, then pages tags', async () => {
    const c = new RegistryClient({ host, username: 'u', secret: 'p' });
    expect(await c.tags('a/b', 2)).toEqual({ tags: ['1', '2'], next: '2' });
    expect(await c.tags('a/b', 2, '2')).toEqual({ tags: ['3'] });
    expect(seen).toContain(`/token Basic ${Buffer.from('u:p').toString('base64')}`);
  });
  it('a refused token is an auth error', async () => {
    await expect(new RegistryClient({ host, username: 'u', secret: 'wrong' }).tags('a/b')).rejects.toMatchObject({
      code: 'REGISTRY_AUTH',
    });
  });
  it('follows catalog pages', async () => {
    expect(await new RegistryClient({ host }).catalog(100, 2)).toEqual({
      repositories: ['x', 'y', 'z'],
      truncated: false,
    });
  });
  it('garbage, huge, hanging and missing answers become clear errors', async () => {
    const c = new RegistryClient({ host }, { timeoutMs: 300 });
    await expect(c.tags('garbage')).rejects.toMatchObject({ code: 'REGISTRY_BAD_ANSWER' });
    await expect(c.tags('huge')).rejects.toMatchObject({ code: 'REGISTRY_BAD_ANSWER' });
    const t0 = Date.now();
    await expect(c.tags('hang')).rejects.toMatchObject({ code: 'REGISTRY_TIMEOUT' });
    expect(Date.now() - t0).toBeLessThan(3000);
    await expect(c.tags('missing')).rejects.toMatchObject({ code: 'REPOSITORY_NOT_FOUND' });
  });
  it('a closed port is unreachable', async () => {
    await expect(new RegistryClient({ host: '127.0.0.1:1' }).ping()).rejects.toMatchObject({
      code: 'REGISTRY_UNREACHABLE',
    });
  });
});
