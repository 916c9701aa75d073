// One-use tickets for a download or an upload over web mode's HTTP server: the page gets one over
// the authenticated WebSocket, so the session token never appears in a URL the browser keeps.
import { randomBytes } from 'node:crypto';
import type { FileOwner } from '../../api/contract.files';
import { WharfError } from '../../api/errors';
import type { EngineSession } from '../session';

const TICKET_MS = 60_000;
export const FILE_TRANSFER_PATH = '/files/transfer';

export type FileTicket =
  | { op: 'download'; owner: FileOwner; path: string }
  | { op: 'upload'; owner: FileOwner; dir: string };

const stores = new WeakMap<EngineSession, Map<string, FileTicket & { expires: number }>>();

export function issueTicket(session: EngineSession, t: FileTicket): { ticket: string; url: string } {
  let store = stores.get(session);
  if (!store) {
    store = new Map();
    stores.set(session, store);
  }
  const now = Date.now();
  for (const [k, v] of store) if (v.expires < now) store.delete(k);
  const ticket = randomBytes(18).toString('base64url');
  store.set(ticket, { ...t, expires: now + TICKET_MS });
  return { ticket, url: `${FILE_TRANSFER_PATH}?ticket=${ticket}` };
}

/** The ticket's request, once; an unknown, used or expired ticket throws DOWNLOAD_EXPIRED. */
export function takeTicket(session: EngineSession, ticket: string): FileTicket {
  const store = stores.get(session);
  const t = store?.get(ticket);
  store?.delete(ticket);
  if (!t || t.expires < Date.now())
    throw new WharfError({
      code: 'DOWNLOAD_EXPIRED',
      message: 'This copy link has expired or was already used.',
      hint: 'Start the download or upload again.',
      detail: '',
    });
  const { expires: _e, ...rest } = t;
  return rest;
}
