// One GET /containers/{id}/logs, always as a stream: dockerode buffers the whole body (and tries
// JSON.parse on it) when follow is false, which a 13 MB log must never go through.
import type Docker from 'dockerode';
import type { IncomingMessage } from 'node:http';

export interface LogQuery {
  follow: boolean;
  tail: number | 'all';
  /** `since` query value (seconds, may carry a nanosecond fraction). */
  since?: string;
  /** `until` query value, the same form: messages up to and including this time. */
  until?: string;
  timestamps: boolean;
}

interface Dialer {
  dial(opts: Record<string, unknown>, cb: (err: unknown, data: unknown) => void): void;
}

export function requestLogs(docker: Docker, id: string, q: LogQuery, signal: AbortSignal): Promise<IncomingMessage> {
  const options: Record<string, unknown> = {
    follow: q.follow,
    stdout: true,
    stderr: true,
    timestamps: q.timestamps,
    tail: String(q.tail),
  };
  if (q.since) options.since = q.since;
  if (q.until) options.until = q.until;
  return new Promise((resolve, reject) => {
    (docker.modem as unknown as Dialer).dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: 'GET',
        options,
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error', 501: 'not implemented' },
      },
      (err, data) => (err ? reject(err) : resolve(data as IncomingMessage)),
    );
  });
}
