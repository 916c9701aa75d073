import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_CLIENT_MESSAGE_BYTES, type WireMessage } from '../api/wire';
import { createBackend } from '../wiring/backend';
import type { Backend } from '../wiring/backend-types';
import { localConnectionFromEnv } from '../connection/local';
import { CSP, newToken } from './security';
import { startWebServer, type WebServer } from './web-server';
import { httpText, type TestResponse } from './test-http';

const INDEX = '<!doctype html><title>wharf-test-index</title>';
const SECRET = 'top-secret-outside-static-dir';
let dir: string;
let backend: Backend;
let server: WebServer;
const token = newToken();
const origin = () => `http://127.0.0.1:${server.port}`;
const host = () => `127.0.0.1:${server.port}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wharf-web-'));
  mkdirSync(join(dir, 'www', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'www-secret'));
  writeFileSync(join(dir, 'www', 'index.html'), INDEX);
  writeFileSync(join(dir, 'www', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'www-secret', 'file.txt'), SECRET);
  backend = createBackend({
    connection: localConnectionFromEnv({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, 'linux'),
  });
  server = await startWebServer({ backend, token, port: 0, staticDir: join(dir, 'www') });
});
afterAll(async () => {
  await server?.close();
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  ws: WebSocket;
  messages: WireMessage[];
  closed: Promise<{ code: number; reason: string }>;
}
/** Opens a socket; resolves with it, or with the HTTP status the upgrade was refused with. */
function open(
  o: { path?: string; token?: string | null; origin?: string | null; host?: string } = {},
): Promise<Opened | { status: number }> {
  const t = o.token === undefined ? token : o.token;
  const path = o.path ?? `/ws${t === null ? '' : `?token=${encodeURIComponent(t)}`}`;
  const headers: Record<string, string> = {};
  if (o.host) headers.host = o.host;
  const originHeader = o.origin === undefined ? origin() : o.origin;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, {
    headers,
    ...(originHeader === null ? {} : { origin: originHeader }),
  });
  const messages: WireMessage[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString()) as WireMessage));
  const closed = new Promise<{ code: number; reason: string }>((r) =>
    ws.on('close', (code, reason) => r({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, messages, closed }));
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.on('error', (e) => reject(e));
  });
}
async function openOk(o: Parameters<typeof open>[0] = {}): Promise<Opened> {
  const r = await open(o);
  if ('status' in r) throw new Error(`refused with ${r.status}`);
  return r;
}
async function call(
  s: Opened,
  id: number,
  name: unknown,
  input: unknown = {},
): Promise<WireMessage & { type: 'result' }> {
  s.ws.send(JSON.stringify({ type: 'call', id, name, input }));
  for (let i = 0; i < 200; i++) {
    const m = s.messages.find((x): x is WireMessage & { type: 'result' } => x.type === 'result' && x.id === id);
    if (m) return m;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no result for call ${id}`);
}
/** Raw HTTP, path sent exactly as written. */
const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<TestResponse> =>
  httpText(server.port, path, { headers: { host: host(), ...headers }, method });

describe('WebSocket upgrade', () => {
  it('right token and Origin: connects, and engine:status answers', async () => {
    const s = await openOk();
    const r = await call(s, 1, 'engine:status');
    expect(r.result.ok).toBe(true);
    expect((r.result as { value: { endpoint: string } }).value.endpoint).toBe('unix:///nonexistent/docker.sock');
    s.ws.close();
  });
  it('localhost as Host and Origin is accepted too', async () => {
    const s = await openOk({ host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` });
    s.ws.close();
  });
  it('wrong, missing, empty or prefix token: 401', async () => {
    for (const t of ['wrong-token-wrong-token', null, '', token.slice(0, -1), `${token}x`]) {
      expect(await open({ token: t }), String(t)).toEqual({ status: 401 });
    }
  });
  it('foreign or missing Origin: 403', async () => {
    for (const o of [
      'http://evil.example',
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
      'null',
      null,
    ]) {
      expect(await open({ origin: o }), String(o)).toEqual({ status: 403 });
    }
  });
  it('wrong Host header (DNS rebinding): 421', async () => {
    for (const h of [`evil.example:${server.port}`, '127.0.0.1', `0.0.0.0:${server.port}`])
      expect(await open({ host: h }), h).toEqual({ status: 421 });
  });
  it('a path other than /ws: 404', async () => {
    for (const p of [`/ws/?token=${token}`, `/other?token=${token}`, `/?token=${token}`, `/WS?token=${token}`])
      expect(await open({ path: p }), p).toEqual({ status: 404 });
  });
});

describe('WebSocket messages', () => {
  it('an over-size message closes that socket, and the server keeps serving', async () => {
    const s = await openOk();
    s.ws.send(
      JSON.stringify({
        type: 'call',
        id: 1,
        name: 'engine:status',
        input: { pad: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES) },
      }),
    );
    expect((await s.closed).code).toBe(1009);
    const next = await openOk();
    expect((await call(next, 2, 'engine:status')).result.ok).toBe(true);
    next.ws.close();
  });
  it('malformed JSON closes that socket; the next client is served', async () => {
    const s = await openOk();
    s.ws.send('{not json');
    expect((await s.closed).code).toBe(1007);
    const next = await openOk();
    expect((await call(next, 3, 'engine:status')).result.ok).toBe(true);
    next.ws.close();
  });
  it('a message that is not a call closes the socket', async () => {
    for (const bad of [
      'null',
      '[]',
      '42',
      '{"type":"call"}',
      '{"type":"call","id":"1","name":"engine:status"}',
      '{"type":"call","id":1.5,"name":"x"}',
      '{"type":"event","id":1}',
    ]) {
      const s = await openOk();
      s.ws.send(bad);
      expect((await s.closed).code, bad).toBe(1008);
    }
  });
  it('binary frames close the socket', async () => {
    const s = await openOk();
    s.ws.send(Buffer.from('{"type":"call","id":1,"name":"engine:status","input":{}}'));
    expect((await s.closed).code).toBe(1003);
  });
  it('unknown and non-string call names get an error result, the socket stays open', async () => {
    const s = await openOk();
    const r1 = await call(s, 10, 'fs:read', { path: '/etc/passwd' });
    expect(r1.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const r2 = await call(s, 11, { toString: 'x' });
    expect(r2.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const r3 = await call(s, 12, 'containers:action', { ids: ['../x'], action: 'stop' });
    expect(r3.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(s.ws.readyState).toBe(WebSocket.OPEN);
    s.ws.close();
  });
});

describe('static files', () => {
  it('serves index.html at / with the CSP and security headers', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX);
    expect(r.headers['content-security-policy']).toBe(CSP);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });
  it('error responses carry the security headers too', async () => {
    const r = await get('/missing.js');
    expect(r.status).toBe(404);
    expect(r.headers['content-security-policy']).toBe(CSP);
  });
  it('serves assets with a long cache and a type', async () => {
    const r = await get('/assets/app.js');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(String(r.headers['cache-control'])).toContain('immutable');
  });
  it('never serves a file outside the static dir', async () => {
    const paths = [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%2fwww-secret%2ffile.txt',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/etc/passwd',
      '/index.html%00.js',
      '/%c0%ae%c0%ae/secret.txt',
      'http://127.0.0.1/../secret.txt',
    ];
    for (const p of paths) {
      const r = await get(p);
      expect(r.status, p).not.toBe(200);
      expect(r.body, p).not.toContain(SECRET);
      expect(r.body, p).not.toContain('root:');
    }
  });
  it('a wrong Host gets 421 and no page', async () => {
    const r = await get('/', { host: `evil.example:${server.port}` });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('wharf-test-index');
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'");
  });
  it('only GET and HEAD', async () => {
    expect((await get('/', {}, 'POST')).status).toBe(405);
    expect((await get('/', {}, 'DELETE')).status).toBe(405);
    const h = await get('/', {}, 'HEAD');
    expect(h.status).toBe(200);
    expect(h.body).toBe('');
  });
});

describe('listening', () => {
  it('on 127.0.0.1 only, and its URL says so', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of [...others, '::1']) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = netConnect({ host: address, port: server.port }, () => (s.destroy(), resolve(true)));
        s.on('error', () => resolve(false));
        s.setTimeout(1000, () => (s.destroy(), resolve(false)));
      });
      expect(ok, address).toBe(false);
    }
  });
  it('close() resolves even with a client connected', async () => {
    const b = createBackend({
      connection: localConnectionFromEnv({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, 'linux'),
    });
    const srv = await startWebServer({ backend: b, token, port: 0, staticDir: join(dir, 'www') });
    const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/ws?token=${token}`, {
      origin: `http://127.0.0.1:${srv.port}`,
    });
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise((r) => ws.on('close', r));
    await srv.close();
    await closed;
    await b.close();
  });
});
