// GET /token-check?token=T: 204 when T is this server's token, 401 otherwise. A browser cannot read
// why a WebSocket upgrade was refused, so the page asks here to tell "this address needs the token"
// from "the backend is gone", and stops retrying in the first case. It says nothing more than the
// upgrade itself does (same constant-time comparison, same answer).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS, tokenMatches } from './security';

export const TOKEN_CHECK_PATH = '/token-check';

export function serveTokenCheck(token: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET' });
    return void res.end();
  }
  const ok = tokenMatches(token, url.searchParams.get('token'));
  res.writeHead(ok ? 204 : 401, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' });
  res.end();
}
