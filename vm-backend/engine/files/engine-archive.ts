// The engine's archive of one path as raw bytes, with pause/resume for backpressure: what a file's
// download reads (one-file-tar.ts cuts the file out). A socket we open ourselves where we can (the
// local socket, DOCKER_HOST's tcp), read as HTTP/1.0 (engine-archive-raw.ts); over a link that
// dials through an agent (SSH, the VM) node:http, whose body the engine sends chunked.
import { request } from 'node:http';
import type { Connection } from '../../connection/connection';
import { type ArchiveSource, engineError } from './archive-source';
import { openRawArchive } from './engine-archive-raw';

export const archivePath = (api: string, id: string, path: string): string =>
  `/v${api}/containers/${encodeURIComponent(id)}/archive?path=${encodeURIComponent(path)}`;

/** Opens GET /containers/{id}/archive?path=; rejects as dockerode does (statusCode, json) when the engine refuses. */
export async function openArchive(conn: Connection, api: string, id: string, path: string): Promise<ArchiveSource> {
  const o = conn.httpOptions();
  const urlPath = archivePath(api, id, path);
  if (!o.agent && (o.socketPath || o.host)) {
    const raw = await openRawArchive(o.socketPath ? { path: o.socketPath } : { host: o.host, port: o.port }, urlPath);
    if (raw) return raw;
  }
  return openHttpArchive(o, urlPath);
}

function openHttpArchive(o: ReturnType<Connection['httpOptions']>, urlPath: string): Promise<ArchiveSource> {
  return new Promise((resolve, reject) => {
    const req = request({ ...o, path: urlPath, method: 'GET' }, (res) => {
      if (res.statusCode !== 200) {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.length < 64 && parts.push(c));
        res.on('end', () => reject(engineError(res.statusCode ?? 0, Buffer.concat(parts))));
        return;
      }
      resolve({
        stat: res.headers['x-docker-container-path-stat'] as string | undefined,
        start(h) {
          res.on('data', (c: Buffer) => {
            if (!h.data(c)) res.pause();
          });
          res.on('end', () => h.end());
          res.on('error', (e) => h.error(e));
          res.on('aborted', () => h.error(new Error('the engine closed the stream')));
        },
        pause: () => res.pause(),
        resume: () => res.resume(),
        destroy: () => {
          req.destroy();
          res.destroy();
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}
