// Tests only: one plain HTTP request to a local server, the whole body read (as bytes or text).
import { request } from 'node:http';

export interface TestResponse<B = string> {
  status: number;
  headers: Record<string, unknown>;
  body: B;
}

type Opts = { headers?: Record<string, string>; method?: string };

export function httpBytes(port: number, path: string, opts: Opts = {}): Promise<TestResponse<Buffer>> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${port}`, ...opts.headers };
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function httpText(port: number, path: string, opts: Opts = {}): Promise<TestResponse> {
  const r = await httpBytes(port, path, opts);
  return { ...r, body: r.body.toString('utf8') };
}
