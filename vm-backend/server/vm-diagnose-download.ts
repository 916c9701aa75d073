// GET /download/vm-diagnose?ticket=T: the VM diagnose bundle made by 'vm:diagnose' (over the
// authenticated WebSocket), once per ticket, so the session token never appears in a download URL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isWharfErrorShape } from '../api/errors';
import { takeDiagnoseTicket } from '../vm/diagnose/vm-diagnose';
import { SECURITY_HEADERS } from './security';

export const VM_DIAGNOSE_PATH = '/download/vm-diagnose';

export function serveVmDiagnose(url: URL, req: IncomingMessage, res: ServerResponse): void {
  const text = (status: number, body: string): void => {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
  if (req.method !== 'GET') {
    text(405, 'Method not allowed');
    return;
  }
  const ticket = url.searchParams.get('ticket') ?? '';
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(ticket)) {
    text(404, 'Not found');
    return;
  }
  try {
    const b = takeDiagnoseTicket(ticket);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/gzip',
      'Content-Length': String(b.data.length),
      'Content-Disposition': `attachment; filename="${b.name.replace(/[^A-Za-z0-9_.-]/g, '_')}"`,
      'Cache-Control': 'no-store',
    });
    res.end(b.data);
  } catch (err) {
    text(410, isWharfErrorShape(err) ? `${err.message}\n${err.hint}\n` : 'Gone\n');
  }
}
