import type { WebSocket } from 'ws';
import { EVENT_NAMES } from '../api/contract';
import { invalidInput } from '../api/errors';
import { MAX_CLIENT_MESSAGE_BYTES, type WireMessage } from '../api/wire';
import type { Backend } from '../wiring/backend-types';
import { createClientLink } from './client-link';

function send(ws: WebSocket, msg: WireMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}

/**
 * Serves the contract on one authenticated WebSocket: calls in, results and events out. Broadcast
 * events go to every socket; stream events only to the socket (ClientLink) that opened the stream.
 */
export function serveSocket(ws: WebSocket, backend: Backend): void {
  const unsubscribe = EVENT_NAMES.map((name) =>
    backend.on(name, (payload) => send(ws, { type: 'event', name, payload })),
  );
  const client = createClientLink('ws', (name, payload) => send(ws, { type: 'event', name, payload }));
  // ws closes the socket itself on a protocol error (1009 for an over-size frame); without a
  // listener the 'error' event would be an uncaught exception that ends the whole server.
  ws.on('error', () => {});
  ws.on('close', () => {
    unsubscribe.forEach((u) => u());
    client.close();
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(1003, 'text only');
    const text = data.toString();
    if (text.length > MAX_CLIENT_MESSAGE_BYTES) return ws.close(1009, 'too big');
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return ws.close(1007, 'not JSON');
    }
    const m = msg as { type?: unknown; id?: unknown; name?: unknown; input?: unknown };
    if (m?.type !== 'call' || typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) {
      return ws.close(1008, 'malformed message');
    }
    const id = m.id;
    if (typeof m.name !== 'string') {
      return send(ws, {
        type: 'result',
        id,
        result: { ok: false, error: invalidInput('call name must be a string').toJSON() },
      });
    }
    void backend.invoke(m.name, m.input, client).then((result) => send(ws, { type: 'result', id, result }));
  });
}
