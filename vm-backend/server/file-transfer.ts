// /files/transfer?ticket=T: GET streams a download (a file as itself, a folder as .tar), PUT
// streams the request body into a folder as one file (&name=). The ticket comes from the
// authenticated WebSocket ('files:download-ticket' / 'files:upload-ticket'), works once and
// expires in a minute. Plain HTTP, not the WebSocket: the browser saves a download to disk as it
// arrives (its own progress and cancel), and a PUT body streams with XHR's upload progress; the
// WebSocket's 1 MB message cap and JSON framing would mean chunking and re-assembling by hand.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { isWharfErrorShape } from '../api/errors';
import type { WharfErrorShape } from '../api/types';
import type { Backend } from '../wiring/backend-types';
import { SECURITY_HEADERS } from './security';

export { FILE_TRANSFER_PATH } from '../engine/files/file-tickets';

const STATUS: Record<string, number> = {
  DOWNLOAD_EXPIRED: 410,
  FILE_NOT_FOUND: 404,
  VOLUME_NOT_FOUND: 404,
  CONTAINER_NOT_FOUND: 404,
  FILE_PATH_INVALID: 400,
  FILE_TOO_LARGE: 413,
  FILE_PERMISSION: 403,
  ENGINE_DISK_FULL: 507,
};

/** RFC 5987 filename*, so any name (Korean, spaces) survives; a plain ASCII fallback beside it. */
function disposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9_.-]/g, '_') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function serveFileTransfer(
  backend: Backend,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const json = (status: number, body: unknown): void => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const failed = (err: unknown): void => {
    const e: WharfErrorShape = isWharfErrorShape(err)
      ? err
      : { code: 'FILE_COPY_FAILED', message: 'The copy failed.', hint: 'Try again.', detail: String(err) };
    json(STATUS[e.code] ?? 502, { error: e });
  };
  if (req.method !== 'GET' && req.method !== 'PUT') return json(405, { error: 'method not allowed' });
  const ticket = url.searchParams.get('ticket') ?? '';
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(ticket) || !backend.fileTransfer) return json(404, { error: 'not found' });
  try {
    const t = backend.fileTransfer(ticket);
    if (req.method === 'GET') {
      if (t.op !== 'download') return json(405, { error: 'upload ticket' });
      const d = await t.download();
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': d.contentType,
        'Content-Disposition': disposition(d.name),
        'Cache-Control': 'no-store',
        ...(d.size !== undefined ? { 'Content-Length': String(d.size) } : {}),
      });
      // A receiver that goes away (cancel) ends the engine's stream; an engine that fails mid-way
      // cuts the response, so the browser marks the download failed instead of keeping half a file.
      if (d.recycle) relay(d.stream, res, d.recycle);
      else
        pipeline(d.stream, res, (err) => {
          if (err) res.destroy();
        });
      return;
    }
    if (t.op !== 'upload') return json(405, { error: 'download ticket' });
    const name = url.searchParams.get('name') ?? '';
    const size = Number(req.headers['content-length'] ?? Number.NaN);
    const r = await t.upload(name, size, req);
    json(200, r);
  } catch (err) {
    req.resume();
    failed(err);
  }
}

/** pipeline(stream, res) that also counts the pieces given to the socket: once each is written and
 *  none waits in the stream, `recycle` lets their memory take the engine's next reads. */
function relay(stream: Readable, res: ServerResponse, recycle: () => void): void {
  let inFlight = 0;
  const written = (): void => {
    if (--inFlight === 0 && stream.readableLength === 0) recycle();
  };
  stream.on('data', (c: Buffer) => {
    inFlight++;
    if (!res.write(c, written)) stream.pause();
  });
  res.on('drain', () => stream.resume());
  stream.on('end', () => res.end());
  stream.on('error', () => res.destroy());
  res.on('close', () => {
    if (!stream.readableEnded) stream.destroy();
  });
}
