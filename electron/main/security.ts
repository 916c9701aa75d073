// The rules every webContents lives by: no navigation away from our page, no new windows, no
// webviews, no permission but the clipboard write, and links out only through shell.openExternal after the allow-list.
import type { Session, WebContents, WebPreferences } from 'electron';
import { isAllowedExternalUrl } from '../../vm-backend/api/rules/external-links';
import { CSP } from '../../vm-backend/server/security';

export interface SecurityDeps {
  isAppUrl(url: unknown): boolean;
  openExternal(url: string): Promise<void>;
}

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Opens `url` in the user's browser when the allow-list says so; answers whether it did. */
export async function openIfAllowed(url: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  if (typeof url !== 'string' || !isAllowedExternalUrl(url)) return false;
  try {
    await open(url);
    return true;
  } catch {
    return false;
  }
}

const hardened = new WeakSet<WebContents>();

/** Idempotent: a second call on the same webContents adds nothing (no double openExternal). */
export function hardenWebContents(contents: WebContents, deps: SecurityDeps): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const stayOrLeave = (event: { preventDefault(): void }, url: string): void => {
    if (deps.isAppUrl(url)) return;
    event.preventDefault();
    // A plain link click to, say, a published port opens in the browser instead of replacing us.
    void openIfAllowed(url, deps.openExternal);
  };
  contents.on('will-navigate', (event, url) => stayOrLeave(event, url));
  // Subframes only: the main frame is will-navigate's, which also hands allowed links out.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !deps.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!deps.isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openIfAllowed(url, deps.openExternal);
    return { action: 'deny' };
  });
}

/** The one permission our page gets: writing sanitized text to the clipboard (the copy buttons). */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/** True only for the clipboard write, asked by our page's main frame; every other permission is refused. */
export function permissionAllowed(
  permission: string,
  details: { requestingUrl?: string; isMainFrame?: boolean } | undefined,
  isAppUrl: (url: unknown) => boolean,
): boolean {
  return permission === ALLOWED_PERMISSION && details?.isMainFrame === true && isAppUrl(details.requestingUrl);
}

/** Session-wide: the web mode CSP as a response header, and every permission but the clipboard write refused. */
export function hardenSession(ses: Session, options: { csp: boolean; isAppUrl: (url: unknown) => boolean }): void {
  if (options.csp) {
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
  }
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details, options.isAppUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    permissionAllowed(permission, details, options.isAppUrl),
  );
  ses.setDevicePermissionHandler(() => false);
}
