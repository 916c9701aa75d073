import { request } from 'node:http';
import type { Connection } from '../connection/connection';

/** Oldest Engine API Wharf speaks (Docker 19.03), and the newest it was written against. */
export const MIN_API = '1.40';
export const MAX_API = '1.51';

export interface PingResult {
  apiVersion: string;
  os?: string;
  /** The engine's default builder, from the Builder-Version header: "1" classic, "2" BuildKit. */
  builderVersion?: string;
}

function compare(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** The API version to use: the engine's own, capped at what Wharf knows. Null when too old. */
export function negotiateApiVersion(engineApi: string | undefined): string | null {
  if (!engineApi || !/^\d+\.\d+$/.test(engineApi)) return MIN_API;
  if (compare(engineApi, MIN_API) < 0) return null;
  return compare(engineApi, MAX_API) > 0 ? MAX_API : engineApi;
}

/** GET /_ping without a version prefix; reads the Api-Version, OSType and Builder-Version headers. */
export function ping(conn: Connection, timeoutMs = 3000): Promise<PingResult> {
  return new Promise((resolve, reject) => {
    const req = request({ ...conn.httpOptions(), path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => {
        if ((res.statusCode ?? 500) >= 400) {
          reject(Object.assign(new Error(`/_ping answered HTTP ${res.statusCode}`), { statusCode: res.statusCode }));
          return;
        }
        const api = res.headers['api-version'];
        const os = res.headers.ostype;
        const builder = res.headers['builder-version'];
        resolve({
          apiVersion: typeof api === 'string' ? api : '',
          ...(typeof os === 'string' ? { os } : {}),
          ...(typeof builder === 'string' && builder ? { builderVersion: builder } : {}),
        });
      });
    });
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('The engine did not answer /_ping in time'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', reject);
    req.end();
  });
}
