// One bounded HTTP request: a time limit over the whole exchange (headers and body), a size cap on
// the body, and JSON read without trusting it. A hanging or huge registry never blocks a search.
import { hasCode } from '../api/errors';
import { garbageError, networkError } from './registry-errors';

const DEFAULT_TIMEOUT_MS = 5000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  method?: 'GET' | 'HEAD';
  /** Cancels the request early (the caller gave up). */
  signal?: AbortSignal;
}

export async function request(url: string, host: string, o: RequestOptions = {}): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = o.signal ? AbortSignal.any([timeout, o.signal]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, { method: o.method ?? 'GET', headers: o.headers ?? {}, signal, redirect: 'follow' });
  } catch (err) {
    throw networkError(err, host);
  }
  const max = o.maxBytes ?? MAX_BODY_BYTES;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = res.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        throw garbageError(host, `answer larger than ${max} bytes`);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (hasCode(err, 'REGISTRY_BAD_ANSWER')) throw err;
    throw networkError(err, host);
  }
  return { status: res.status, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') };
}

export function parseJson<T>(text: string, host: string, check: (v: unknown) => v is T): T {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw garbageError(host, `not JSON: ${text.slice(0, 120)}`);
  }
  if (!check(v)) throw garbageError(host, `unexpected JSON: ${text.slice(0, 120)}`);
  return v;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
