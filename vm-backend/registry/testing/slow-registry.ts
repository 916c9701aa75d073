// Test support: a proxy in front of a real registry that answers everything but trickles layer
// downloads (blobs over 1 MB) at 10 KB/s, so a pull sits at "Downloading" until cancelled.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowRegistry {
  host: string;
  /** Blob requests the engine has made and that are still held open. */
  held(): number;
  close(): Promise<void>;
}

export async function startSlowRegistry(upstream: string): Promise<SlowRegistry> {
  let held = 0;
  const server: Server = createServer((req, res) => {
    const [uh, up] = upstream.split(':');
    const fwd = request(
      { host: uh, port: Number(up), path: req.url, method: req.method, headers: { ...req.headers, host: upstream } },
      (answer) => {
        const size = Number(answer.headers['content-length'] ?? 0);
        if (/\/blobs\/sha256:/.test(req.url ?? '') && req.method === 'GET' && size > 1_000_000) {
          held += 1;
          res.writeHead(answer.statusCode ?? 200, answer.headers);
          // A trickle, not silence: dockerd 20.10 notices a cancelled pull only when a read returns.
          const timer = setInterval(() => {
            const chunk = answer.read(1024) as Buffer | null;
            if (chunk) res.write(chunk);
          }, 100);
          res.once('close', () => {
            clearInterval(timer);
            held -= 1;
            answer.destroy();
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    fwd.once('error', () => res.destroy());
    req.pipe(fwd);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => held,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
