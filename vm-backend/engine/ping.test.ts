import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../connection/connection';
import { MAX_API, MIN_API, negotiateApiVersion, ping } from './ping';

describe('negotiateApiVersion', () => {
  it('uses the engine version when Wharf knows it', () => expect(negotiateApiVersion('1.41')).toBe('1.41'));
  it('caps at the newest Wharf knows', () => expect(negotiateApiVersion('1.56')).toBe(MAX_API));
  it('refuses engines older than the minimum', () => expect(negotiateApiVersion('1.24')).toBeNull());
  it('compares numerically, not as text', () => expect(negotiateApiVersion('1.9')).toBeNull());
  it('falls back to the minimum when the header is missing or junk', () => {
    expect(negotiateApiVersion(undefined)).toBe(MIN_API);
    expect(negotiateApiVersion('abc')).toBe(MIN_API);
  });
});

describe('ping', () => {
  /** A /_ping that answers with `headers`, as an engine would. */
  const pingWith = async (headers: Record<string, string>) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, headers);
      res.end('OK');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    try {
      return await ping({ httpOptions: () => ({ host: '127.0.0.1', port }) } as unknown as Connection);
    } finally {
      server.close();
    }
  };
  it('reads the default builder from Builder-Version (BuildKit engines send "2")', async () => {
    expect(await pingWith({ 'Api-Version': '1.43', Ostype: 'linux', 'Builder-Version': '2' })).toEqual({
      apiVersion: '1.43',
      os: 'linux',
      builderVersion: '2',
    });
  });
  it('leaves it out when the engine sends none (the classic builder only, as here)', async () => {
    expect(await pingWith({ 'Api-Version': '1.41' })).toEqual({ apiVersion: '1.41' });
  });
});
