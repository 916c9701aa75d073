import { describe, expect, it, vi } from 'vitest';
import { CSP } from '../../vm-backend/server/security';
import { appPage } from './app-url';
import { hardenSession, hardenWebContents, openIfAllowed, secureWebPreferences } from './security';
import { fakeContents, flush, navEvent, opener } from './test-fakes';

const page = appPage('/opt/wharf/resources/app.asar/out/main', undefined, true);
const APP = page.url;

function hardened() {
  const fake = fakeContents();
  const openExternal = opener();
  hardenWebContents(fake.asContents(), { isAppUrl: page.isAppUrl, openExternal });
  return { fake, openExternal };
}

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    const p = secureWebPreferences('/x/preload/index.js');
    expect(p).toMatchObject({
      preload: '/x/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });
});

describe('navigation', () => {
  it('lets our own page reload and change its hash', () => {
    const { fake } = hardened();
    for (const url of [APP, `${APP}#/images`]) {
      const e = navEvent();
      fake.emit('will-navigate', e, url);
      expect(e.prevented).toBe(false);
    }
  });

  it('blocks every other destination, and opens only allowed ones in the browser', async () => {
    const { fake, openExternal } = hardened();
    const urls = [
      'http://evil.example/',
      'file:///etc/passwd',
      `${APP}?x=1`,
      'file:///opt/wharf/other.html',
      'javascript:alert(1)',
      'http://localhost:8080/',
    ];
    for (const url of urls) {
      const e = navEvent();
      fake.emit('will-navigate', e, url);
      expect(e.prevented, url).toBe(true);
    }
    await flush();
    expect(openExternal.mock.calls).toEqual([['http://localhost:8080/']]);
  });

  it('blocks frame navigations, redirects and webviews away from our page', () => {
    const { fake } = hardened();
    const frame = navEvent('https://evil.example/', false);
    fake.emit('will-frame-navigate', frame);
    const redirect = navEvent();
    fake.emit('will-redirect', redirect, 'https://evil.example/');
    const webview = navEvent();
    fake.emit('will-attach-webview', webview, {}, {});
    expect([frame.prevented, redirect.prevented, webview.prevented]).toEqual([true, true, true]);
    const ours = navEvent(APP, false);
    fake.emit('will-frame-navigate', ours);
    expect(ours.prevented).toBe(false);
    // The main frame is decided by will-navigate alone (so allowed links still reach the browser).
    const main = navEvent('http://localhost:8080/', true);
    fake.emit('will-frame-navigate', main);
    expect(main.prevented).toBe(false);
  });

  it('registers once even when hardened twice', () => {
    const fake = fakeContents();
    const contents = fake.asContents();
    const deps = { isAppUrl: page.isAppUrl, openExternal: opener() };
    hardenWebContents(contents, deps);
    hardenWebContents(contents, deps);
    expect(fake.handlers.get('will-navigate')).toHaveLength(1);
  });
});

describe('window.open', () => {
  it('is always denied; allowed URLs go to the browser, others nowhere', async () => {
    const { fake, openExternal } = hardened();
    expect(fake.windowOpenHandler?.({ url: 'https://docs.docker.com/' })).toEqual({ action: 'deny' });
    expect(fake.windowOpenHandler?.({ url: 'http://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.windowOpenHandler?.({ url: APP })).toEqual({ action: 'deny' });
    await flush();
    expect(openExternal.mock.calls).toEqual([['https://docs.docker.com/']]);
  });
});

describe('openIfAllowed', () => {
  it('refuses javascript:, file:, foreign hosts and non-strings without opening anything', async () => {
    const open = opener();
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://evil.example',
      'https://docs.docker.com.evil.example/',
      42,
      null,
    ]) {
      expect(await openIfAllowed(url, open)).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('opens allowed URLs and reports a failing opener as false', async () => {
    expect(await openIfAllowed('http://127.0.0.1:3000/', opener())).toBe(true);
    expect(
      await openIfAllowed(
        'https://hub.docker.com/_/nginx',
        vi.fn(async () => Promise.reject(new Error('no browser'))),
      ),
    ).toBe(false);
  });
});

describe('hardenSession', () => {
  type Headers = (d: unknown, cb: (r: unknown) => void) => void;
  type Request = (wc: unknown, p: string, cb: (ok: boolean) => void, d?: unknown) => void;
  type Check = (wc: unknown, p: string, origin: string, d?: unknown) => boolean;
  interface FakeSession {
    headers: Headers | null;
    request: Request | null;
    check: Check | null;
    device: (() => boolean) | null;
  }
  function fakeSession() {
    const s: FakeSession = { headers: null, request: null, check: null, device: null };
    const session = {
      webRequest: { onHeadersReceived: (h: Headers) => (s.headers = h) },
      setPermissionRequestHandler: (h: Request) => (s.request = h),
      setPermissionCheckHandler: (h: Check) => (s.check = h),
      setDevicePermissionHandler: (h: () => boolean) => (s.device = h),
    };
    return Object.assign(s, { session });
  }

  it('adds the web mode CSP to every response and keeps the other headers', () => {
    const s = fakeSession();
    hardenSession(s.session as never, { csp: true, isAppUrl: page.isAppUrl });
    let out: unknown;
    s.headers?.({ responseHeaders: { 'X-A': ['1'] } }, (r) => (out = r));
    expect(out).toEqual({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CSP] } });
  });

  it('denies every permission request and check', () => {
    const s = fakeSession();
    hardenSession(s.session as never, { csp: false, isAppUrl: page.isAppUrl });
    expect(s.headers).toBeNull();
    const ours = { requestingUrl: APP, isMainFrame: true };
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const cb = vi.fn();
      s.request?.({}, perm, cb, ours);
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.check?.({}, perm, 'file://', ours), perm).toBe(false);
    }
    expect(s.device?.()).toBe(false);
  });

  it("allows the sanitized clipboard write to our page's main frame, and to no one else", () => {
    const s = fakeSession();
    hardenSession(s.session as never, { csp: false, isAppUrl: page.isAppUrl });
    const ask = (details: unknown): [boolean, boolean | undefined] => {
      const cb = vi.fn();
      s.request?.({}, 'clipboard-sanitized-write', cb, details);
      return [cb.mock.calls[0]?.[0], s.check?.({}, 'clipboard-sanitized-write', 'file://', details)];
    };
    expect(ask({ requestingUrl: APP, isMainFrame: true })).toEqual([true, true]);
    expect(ask({ requestingUrl: `${APP}#/images`, isMainFrame: true })).toEqual([true, true]);
    for (const details of [
      { requestingUrl: 'https://evil.example/', isMainFrame: true },
      { requestingUrl: 'file:///opt/wharf/other.html', isMainFrame: true },
      { requestingUrl: APP, isMainFrame: false },
      { isMainFrame: true },
      undefined,
    ]) {
      expect(ask(details), JSON.stringify(details)).toEqual([false, false]);
    }
  });
});
