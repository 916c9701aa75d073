import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../wiring/backend-types';
import { tarGz } from '../vm/diagnose/tar-gz';
import { issueDiagnoseTicket } from '../vm/diagnose/vm-diagnose';
import { newToken } from './security';
import { startWebServer, type WebServer } from './web-server';
import { httpBytes, type TestResponse } from './test-http';

let server: WebServer;
let dir: string;
const backend: Backend = { invoke: async () => ({ ok: true, value: null }), on: () => () => {}, close: async () => {} };
const get = (path: string): Promise<TestResponse<Buffer>> => httpBytes(server.port, path);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wharf-vmdl-'));
  server = await startWebServer({ backend, token: newToken(), port: 0, staticDir: dir });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('VM diagnose download route', () => {
  it('serves the bundle once for its ticket, as an attachment', async () => {
    const data = tarGz([{ name: 'b/README.txt', data: 'hi' }]);
    const t = issueDiagnoseTicket('wharf-vm-diagnose-x.tar.gz', data);
    const r = await get(`/download/vm-diagnose?ticket=${t}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="wharf-vm-diagnose-x.tar.gz"');
    expect(gunzipSync(r.body).subarray(0, 12).toString()).toBe('b/README.txt');
    expect((await get(`/download/vm-diagnose?ticket=${t}`)).status).toBe(410);
    expect((await get('/download/vm-diagnose?ticket=bad')).status).toBe(404);
  });
});
