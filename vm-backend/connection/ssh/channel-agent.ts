// An http.Agent whose every connection is a new SSH channel, so dockerode and node:http speak
// the Engine API over the one live link (never a new SSH handshake per request).
import { Agent } from 'node:http';
import type { Duplex } from 'node:stream';

type Socketish = Duplex & {
  setTimeout?: (ms: number, cb?: () => void) => unknown;
  setNoDelay?: () => unknown;
  setKeepAlive?: () => unknown;
  ref?: () => unknown;
  unref?: () => unknown;
};

/** node:http calls a few net.Socket methods a channel lacks; give it equivalents. */
export function asSocket(stream: Duplex): Duplex {
  const s = stream as Socketish;
  let timer: NodeJS.Timeout | null = null;
  if (typeof s.setTimeout !== 'function') {
    s.setTimeout = (ms: number, cb?: () => void) => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (cb) s.once('timeout', cb);
      if (ms > 0) timer = setTimeout(() => !s.destroyed && s.emit('timeout'), ms);
      return s;
    };
    s.once('close', () => timer && clearTimeout(timer));
  }
  // Like a net.Socket (allowHalfOpen false): when the engine ends its side, end ours, so the
  // channel closes and a hijacked exec/attach stream reports 'close' when its process exits.
  s.once('end', () => s.end());
  s.setNoDelay ??= () => s;
  s.setKeepAlive ??= () => s;
  s.ref ??= () => s;
  s.unref ??= () => s;
  return s;
}

export class ChannelAgent extends Agent {
  constructor(private readonly open: () => Promise<Duplex>) {
    super({ keepAlive: false });
  }

  // Node's Agent accepts the socket through the callback when createConnection returns nothing.
  override createConnection(_options: unknown, callback?: (err: Error | null, stream: Duplex) => void): undefined {
    this.open().then(
      (stream) => callback?.(null, asSocket(stream)),
      (err: Error) => callback?.(err, undefined as unknown as Duplex),
    );
    return undefined;
  }
}
