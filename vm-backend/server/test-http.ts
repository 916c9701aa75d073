// Tests only: one plain HTTP request to a local server, the whole body read as text.
import { request } from 'node:http';

export interface TestResponse {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

export function httpText(port: number, path: string, opts: { headers?: Record<string, string>; method?: string } = {}): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${port}`, ...opts.headers };
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
