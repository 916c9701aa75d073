// Serves the built renderer on wharf://app/ (protocol.handle) instead of file://, so the page has
// a real origin, its CSP arrives as a header like web mode's, and the file protocol's extra
// privileges can be turned off (the GrantFileProtocolExtraPrivileges fuse, electron-builder.yml).
// Only GET/HEAD, only host "app", only files inside the renderer folder (symlinks included).
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from '../../vm-backend/server/security';
import { APP_HOST, APP_SCHEME } from './app-url';

/** For protocol.registerSchemesAsPrivileged, before the app is ready: a standard, secure origin
 *  (fetch works, storage is its own); no CSP bypass, no CORS, no service workers. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const inside = (root: string, file: string): boolean =>
  file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The file under `root` that `url` names (its real path), or the status to answer instead.
 *  `realRoot`: the root's own real path, resolved once by the handler. */
export async function resolveAppFile(root: string, url: string, realRoot?: string): Promise<string | number> {
  let u: URL;
  let pathname: string;
  try {
    u = new URL(url);
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return 400;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return 404;
  if (pathname.includes('\0') || pathname.includes('\\')) return 400;
  const rel = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = normalize(join(root, rel));
  if (!inside(root, file)) return 403;
  try {
    // A link inside the folder that points out of it is refused too.
    const realFile = await realpath(file);
    if (!inside(realRoot ?? (await realpath(root)), realFile)) return 403;
    return realFile;
  } catch {
    return 404;
  }
}

/** The protocol.handle handler for the renderer folder `root`. */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const base = normalize(root);
  let realRoot: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    realRoot ??= realpath(base).catch((e: unknown) => {
      realRoot = null;
      throw e;
    });
    const file = await realRoot.then(
      (r) => resolveAppFile(base, request.url, r),
      () => 404,
    );
    if (typeof file === 'number')
      return refuse(file, file === 403 ? 'Forbidden' : file === 400 ? 'Bad request' : 'Not found');
    let body: Buffer;
    try {
      // A folder fails here (EISDIR): 404 like a missing file.
      body = await readFile(file);
    } catch {
      return refuse(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': String(body.length),
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Before ready: makes wharf: a privileged scheme. Electron allows this call once, before ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After ready: serves the renderer folder on wharf://app/. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(root));
}
