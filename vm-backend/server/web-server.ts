import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_CLIENT_MESSAGE_BYTES } from '../api/wire';
import type { Backend } from '../wiring/backend-types';
import { allowedHosts, allowedOrigins, SECURITY_HEADERS, tokenMatches } from './security';
import { FILE_TRANSFER_PATH, serveFileTransfer } from './file-transfer';
import { LOG_DOWNLOAD_PATH, serveLogDownload } from './log-download';
import { serveStatic } from './static-files';
import { serveTokenCheck, TOKEN_CHECK_PATH } from './token-check';
import { serveSocket } from './ws-session';
import { serveVmDiagnose, VM_DIAGNOSE_PATH } from './vm-diagnose-download';

export interface WebServerOptions {
  backend: Backend;
  token: string;
  /** 0 picks a free port. */
  port: number;
  staticDir: string;
}

export interface WebServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Web mode: the renderer bundle plus one WebSocket, on 127.0.0.1 only, token and Origin checked. */
export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const server: Server = createServer((req, res) => {
    if (!allowedHosts(port()).has(req.headers.host ?? '')) {
      res.writeHead(421, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Misdirected request');
    }
    if (req.url?.startsWith(LOG_DOWNLOAD_PATH)) {
      return void serveLogDownload(opts.backend, new URL(req.url, 'http://127.0.0.1'), req, res);
    }
    if (req.url?.startsWith(FILE_TRANSFER_PATH)) {
      return void serveFileTransfer(opts.backend, new URL(req.url, 'http://127.0.0.1'), req, res);
    }
    if (req.url?.startsWith(TOKEN_CHECK_PATH)) {
      return serveTokenCheck(opts.token, new URL(req.url, 'http://127.0.0.1'), req, res);
    }
    if (req.url?.startsWith(VM_DIAGNOSE_PATH)) return serveVmDiagnose(new URL(req.url, 'http://127.0.0.1'), req, res);
    void serveStatic(opts.staticDir, req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  const port = (): number => {
    const a = server.address();
    return typeof a === 'object' && a ? a.port : 0;
  };

  server.on('upgrade', (req, socket, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    if (url.pathname !== '/ws') return refuse(socket, 404, 'Not Found');
    if (!allowedHosts(port()).has(req.headers.host ?? '')) return refuse(socket, 421, 'Misdirected Request');
    if (!allowedOrigins(port()).has(req.headers.origin ?? '')) return refuse(socket, 403, 'Forbidden');
    if (!tokenMatches(opts.token, url.searchParams.get('token'))) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, opts.backend));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const p = port();
      resolve({
        port: p,
        url: `http://127.0.0.1:${p}/?token=${opts.token}`,
        close: () =>
          new Promise<void>((done) => {
            for (const c of wss.clients) c.terminate();
            wss.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
