// The full log of a container as a byte stream for a file (download / save dialog): streamed from
// the engine with backpressure, never held whole. One-time tickets let the web page start the
// download with a plain GET without putting the session token into the browser's download list.
import { randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { Demuxer } from '../streams/demux';
import { logDownloadExpired, logsError, logsUnavailable } from './log-errors';
import { requestLogs } from './log-request';
import type { EngineSession } from '../session';

export interface LogFile {
  name: string;
  stream: Readable;
}

export async function openLogFile(session: EngineSession, id: string, timestamps: boolean): Promise<LogFile> {
  const docker = session.client();
  const info = await docker
    .getContainer(id)
    .inspect()
    .catch((e: unknown) => {
      throw logsError(e, id, '');
    });
  const name = info.Name.replace(/^\//, '');
  const driver = info.HostConfig?.LogConfig?.Type ?? 'json-file';
  if (driver === 'none') throw logsUnavailable(driver, 'log driver none');
  const abort = new AbortController();
  const res = await requestLogs(docker, info.Id, { follow: false, tail: 'all', timestamps }, abort.signal).catch(
    (e: unknown) => {
      throw logsError(e, name, driver);
    },
  );
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const demux = new Demuxer(Boolean(info.Config?.Tty), (_kind, data) => {
    if (!out.write(data)) res.pause();
  });
  out.on('drain', () => res.resume());
  res.on('data', (chunk: Buffer) => demux.push(chunk));
  res.on('end', () => out.end());
  res.on('error', (err) => out.destroy(err));
  out.on('close', () => {
    abort.abort();
    res.destroy();
  });
  return { name, stream: out };
}

const TICKET_MS = 60_000;

export class LogTickets {
  private readonly tickets = new Map<string, { id: string; timestamps: boolean; expires: number }>();

  issue(id: string, timestamps: boolean): string {
    const now = Date.now();
    for (const [k, v] of this.tickets) if (v.expires < now) this.tickets.delete(k);
    const ticket = randomBytes(18).toString('base64url');
    this.tickets.set(ticket, { id, timestamps, expires: now + TICKET_MS });
    return ticket;
  }

  /** The ticket's request, once; an unknown, used or expired ticket throws. */
  take(ticket: string): { id: string; timestamps: boolean } {
    const t = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (!t || t.expires < Date.now()) throw logDownloadExpired();
    return { id: t.id, timestamps: t.timestamps };
  }
}
