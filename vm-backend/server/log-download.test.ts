import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WharfError } from '../api/errors';
import type { Backend } from '../wiring/backend-types';
import { newToken } from './security';
import { startWebServer, type WebServer } from './web-server';
import { httpText, type TestResponse } from './test-http';

// GET /download/logs?ticket=: a one-time ticket from the socket, the log streamed as a file.
let server: WebServer;
let dir: string;
const taken: string[] = [];
const backend: Backend = {
  invoke: async () => ({ ok: true, value: null }),
  on: () => () => {},
  close: async () => {},
  openLogDownload: async (ticket) => {
    taken.push(ticket);
    if (ticket !== 'good-ticket-123') {
      throw new WharfError({
        code: 'DOWNLOAD_EXPIRED',
        message: 'This download link has expired.',
        hint: 'Click Download again.',
        detail: '',
      });
    }
    return { name: 'web/1 "x"', stream: Readable.from(['line one\n', 'line two\n']) };
  },
};

const get = (path: string, host?: string): Promise<TestResponse> =>
  httpText(server.port, path, host ? { headers: { host } } : {});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wharf-dl-'));
  server = await startWebServer({ backend, token: newToken(), port: 0, staticDir: dir });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('log download route', () => {
  it('streams the log as an attachment with a safe file name', async () => {
    const r = await get('/download/logs?ticket=good-ticket-123');
    expect(r.status).toBe(200);
    expect(r.body).toBe('line one\nline two\n');
    expect(r.headers['content-disposition']).toBe('attachment; filename="web_1__x_.log"');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('answers 410 for a used or unknown ticket, 404 for a malformed one, without reaching the engine', async () => {
    expect((await get('/download/logs?ticket=used-ticket-456')).status).toBe(410);
    const before = taken.length;
    expect((await get('/download/logs?ticket=%22%3E%3Cscript%3E')).status).toBe(404);
    expect((await get('/download/logs')).status).toBe(404);
    expect(taken.length).toBe(before);
  });

  it('refuses a foreign Host (DNS rebinding) before anything else', async () => {
    const before = taken.length;
    expect((await get('/download/logs?ticket=good-ticket-123', 'evil.example')).status).toBe(421);
    expect(taken.length).toBe(before);
  });
});
