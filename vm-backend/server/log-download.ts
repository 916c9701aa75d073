// GET /download/logs?ticket=T: the full log of a container as a file, streamed from the engine.
// The ticket comes from the authenticated WebSocket ('logs:download-ticket'), works once and
// expires in a minute, so the session token never appears in a download URL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { hasCode, isWharfErrorShape } from '../api/errors';
import type { Backend } from '../wiring/backend-types';
import { SECURITY_HEADERS } from './security';

export const LOG_DOWNLOAD_PATH = '/download/logs';

export async function serveLogDownload(
  backend: Backend,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const text = (status: number, body: string): void => {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
  if (req.method !== 'GET') return text(405, 'Method not allowed');
  const ticket = url.searchParams.get('ticket') ?? '';
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(ticket) || !backend.openLogDownload) return text(404, 'Not found');
  try {
    const file = await backend.openLogDownload(ticket);
    const safe = file.name.replace(/[^A-Za-z0-9_.-]/g, '_') || 'container';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${safe}.log"`,
      'Cache-Control': 'no-store',
    });
    pipeline(file.stream, res, () => file.stream.destroy());
  } catch (err) {
    const msg = isWharfErrorShape(err) ? `${err.message}\n${err.hint}\n` : 'The log could not be read.\n';
    text(hasCode(err, 'DOWNLOAD_EXPIRED') ? 410 : 502, msg);
  }
}
