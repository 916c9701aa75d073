import { request } from 'node:http';

export interface SeenEvent {
  id: string;
  action: string;
  /** The engine's own timestamp of the event, in ms since the epoch. */
  engineMs: number;
  /** When this raw subscriber read it, in ms since the epoch. */
  receivedMs: number;
}

/** A bare /events subscriber on the engine socket: the reference every UI latency is compared to. */
export function watchEngineEvents(socketPath = '/var/run/docker.sock'): { seen: SeenEvent[]; close(): void } {
  const seen: SeenEvent[] = [];
  const filters = encodeURIComponent(JSON.stringify({ type: ['container'] }));
  const req = request({ socketPath, path: `/events?filters=${filters}`, method: 'GET' }, (res) => {
    let rest = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      const receivedMs = performance.timeOrigin + performance.now();
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        const e = JSON.parse(line) as { Action: string; Actor: { ID: string }; timeNano: number };
        seen.push({ id: e.Actor.ID, action: e.Action, engineMs: e.timeNano / 1e6, receivedMs });
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return { seen, close: () => req.destroy() };
}
