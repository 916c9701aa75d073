import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP } from '../../vm-backend/server/security';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler, registerAppScheme, serveApp } from './app-protocol';

let dir: string;
let root: string;
let serve: (r: Request) => Promise<Response>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wharf-proto-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the page');
  writeFileSync(join(dir, 'renderer-evil.txt'), 'a sibling folder with the same prefix');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
  serve = appProtocolHandler(root);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('the wharf:// app protocol', () => {
  it('serves the renderer with the CSP and the other security headers as real headers', async () => {
    const r = await get('wharf://app/index.html');
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<title>Wharf</title>');
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const js = await get('wharf://app/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('wharf://app/')).status).toBe(200);
    const head = await get('wharf://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'wharf://app/../secret.txt',
      'wharf://app/%2e%2e/secret.txt',
      'wharf://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'wharf://app/%2e%2e%2frenderer-evil.txt',
      'wharf://app/..%5csecret.txt',
      'wharf://app/assets/link.txt',
      'wharf://app/index.html%00.js',
      'wharf://app/%E0%A4%A',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      const text = await r.text();
      expect(text, url).not.toContain('not for the page');
      expect(text, url).not.toContain('same prefix');
      expect(r.headers.get('content-security-policy'), url).toBe(CSP);
    }
  });

  it('no generated path, however encoded, reaches a file outside the folder', async () => {
    const part = fc.constantFrom(
      '..',
      '%2e%2e',
      '%2E.',
      '.',
      '%2f',
      '/',
      '%5c',
      '\\',
      '%00',
      'assets',
      'link.txt',
      'secret.txt',
      'renderer-evil.txt',
      'index.html',
      '%252e%252e',
      '',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 8 }), async (parts) => {
        const r = await get(`wharf://app/${parts.join('/')}`);
        const text = await r.text();
        expect(text).not.toContain('not for the page');
        expect(text).not.toContain('same prefix');
      }),
      { numRuns: 1000 },
    );
  });

  it('answers only host "app", only GET and HEAD, and 404 for folders and missing files', async () => {
    expect((await get('wharf://other/index.html')).status).toBe(404);
    expect((await get('wharf://app/index.html', 'POST')).status).toBe(405);
    expect((await get('wharf://app/assets')).status).toBe(404);
    expect((await get('wharf://app/nope.js')).status).toBe(404);
  });

  it('registers wharf: as standard and secure, without bypassing the CSP, and serves it', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    serveApp(protocol, root);
    expect(protocol.handle).toHaveBeenCalledWith('wharf', expect.any(Function));
  });
});
