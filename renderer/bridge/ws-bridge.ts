import { WharfError } from '../../vm-backend/api/errors';
import type { WireMessage, WireRequest } from '../../vm-backend/api/wire';
import { isAllowedExternalUrl } from '../lib/external-links';
import type { Bridge, TransportState } from './types';
import { unwrap } from './unwrap';

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

const lostLink = (): WharfError =>
  new WharfError({
    code: 'BACKEND_DISCONNECTED',
    message: 'The connection to the Wharf backend was lost.',
    hint: 'Wharf reconnects by itself; try again in a moment.',
    detail: 'WebSocket closed',
  });

/** True when the server answers that the socket's token is not its own (a browser cannot read the
 *  status of a refused upgrade; the server's /token-check says the same thing over plain HTTP). */
async function tokenRefused(wsUrl: string): Promise<boolean> {
  try {
    const u = new URL(wsUrl);
    u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
    u.pathname = '/token-check';
    const res = await fetch(u, { cache: 'no-store' });
    return res.status === 401;
  } catch {
    return false;
  }
}

/** Web mode: the contract over one WebSocket, reconnecting with backoff when it drops. */
export function webSocketBridge(url: string): Bridge {
  let ws: WebSocket | null = null;
  let nextId = 1;
  let state: TransportState = 'connecting';
  let attempt = 0;
  const pending = new Map<number, Pending>();
  const eventListeners = new Map<string, Set<(p: unknown) => void>>();
  const transportListeners = new Set<(s: TransportState) => void>();

  const setState = (s: TransportState): void => {
    state = s;
    transportListeners.forEach((l) => l(s));
  };

  const connect = (): void => {
    const sock = new WebSocket(url);
    ws = sock;
    sock.onopen = () => {
      attempt = 0;
      setState('open');
    };
    sock.onmessage = (ev) => {
      let msg: WireMessage;
      try {
        msg = JSON.parse(String(ev.data)) as WireMessage;
      } catch {
        return;
      }
      if (msg.type === 'result') {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (!p) return;
        try {
          p.resolve(unwrap(msg.result));
        } catch (e) {
          p.reject(e);
        }
      } else if (msg.type === 'event') {
        eventListeners.get(msg.name)?.forEach((l) => l(msg.payload));
      }
    };
    let opened = false;
    sock.addEventListener('open', () => (opened = true));
    sock.onclose = () => {
      for (const p of pending.values()) p.reject(lostLink());
      pending.clear();
      if (ws !== sock) return;
      const retry = (): void => {
        setState('closed');
        const delay = Math.min(5000, 250 * 2 ** attempt++);
        setTimeout(connect, delay);
      };
      // Refused before it opened: a wrong or missing token is final, say so instead of retrying.
      if (opened) return retry();
      void tokenRefused(url).then((refused) => (refused ? setState('unauthorized') : retry()));
    };
  };
  connect();

  return {
    kind: 'web',
    call: (name, input) =>
      new Promise((resolve, reject) => {
        if (!ws || ws.readyState !== WebSocket.OPEN) {
          // Wait for the link instead of failing a call made during start-up.
          const off = (): void => void transportListeners.delete(wait);
          const wait = (s: TransportState): void => {
            if (s !== 'open') return;
            off();
            send();
          };
          transportListeners.add(wait);
          return;
        }
        send();
        function send(): void {
          const id = nextId++;
          pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
          const req: WireRequest = { type: 'call', id, name, input };
          ws?.send(JSON.stringify(req));
        }
      }),
    on: (event, listener) => {
      let set = eventListeners.get(event);
      if (!set) eventListeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    async downloadLogs(id, o) {
      // A one-time ticket over the socket, then a plain GET the web server streams from the engine.
      const { ticket } = await this.call('logs:download-ticket', { id, timestamps: o.timestamps });
      const a = document.createElement('a');
      a.href = `/download/logs?ticket=${encodeURIComponent(ticket)}`;
      a.download = '';
      document.body.append(a);
      a.click();
      a.remove();
    },
    openExternal: (u) => {
      if (isAllowedExternalUrl(u)) window.open(u, '_blank', 'noopener,noreferrer');
    },
    onTransport: (listener) => {
      transportListeners.add(listener);
      listener(state);
      return () => transportListeners.delete(listener);
    },
  };
}
