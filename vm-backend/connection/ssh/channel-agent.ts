// An http.Agent whose connections are SSH channels to the remote Docker socket, so dockerode and
// node:http speak the Engine API over the one live link (never a new SSH handshake per request).
// Keep-alive: a request whose response has ended hands its channel to the next request (the engine
// speaks HTTP/1.1 keep-alive on its socket), which saves the channel open round trip and sshd's
// connect to the socket. Node's Agent does the bookkeeping: a busy channel (a followed log, the
// event stream) is never shared, a hijacked one (attach, exec) leaves the agent for good, and one
// that closes (either side, or the whole link) is dropped from the pool.
import { Agent, type ClientRequest } from 'node:http';
import type { Duplex } from 'node:stream';
import { inspect } from 'node:util';

type Socketish = Duplex & {
  timeout?: number;
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
      s.timeout = ms;
      // As net.Socket does: a callback with 0 is taken off again (node:http passes the same one
      // when a kept-alive channel's request ends), so listeners do not pile up on a reused channel.
      if (cb && ms === 0) s.removeListener('timeout', cb);
      else if (cb) s.once('timeout', cb);
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

export interface ChannelAgentOptions {
  /** Reuse a channel for the next request (default true); false: one channel per request. */
  keepAlive?: boolean;
  /** An idle channel is closed after this long (default 30 s). */
  idleMs?: number;
  /** Idle channels kept at most (default 4): a burst of parallel requests does not stay open. */
  maxIdle?: number;
}

export class ChannelAgent extends Agent {
  private readonly idleMs: number;
  private readonly idleTimers = new WeakMap<Duplex, NodeJS.Timeout>();

  constructor(
    private readonly open: () => Promise<Duplex>,
    opts: ChannelAgentOptions = {},
  ) {
    super({ keepAlive: opts.keepAlive ?? true, maxFreeSockets: opts.maxIdle ?? 4, scheduling: 'lifo' });
    this.idleMs = opts.idleMs ?? 30_000;
  }

  // Node's Agent accepts the socket through the callback when createConnection returns nothing.
  override createConnection(_options: unknown, callback?: (err: Error | null, stream: Duplex) => void): undefined {
    this.open().then(
      (stream) => callback?.(null, asSocket(stream)),
      (err: Error) => callback?.(err, undefined as unknown as Duplex),
    );
    return undefined;
  }

  /** A channel whose response ended goes idle: closed if nobody takes it within idleMs. */
  override keepSocketAlive(socket: Duplex): boolean {
    // Node's types say void; it returns false when the server's Keep-Alive hint is too short.
    if ((super.keepSocketAlive(socket) as unknown as boolean | undefined) === false) return false;
    const timer = setTimeout(() => socket.destroy(), this.idleMs);
    timer.unref();
    this.idleTimers.set(socket, timer);
    return true;
  }

  override reuseSocket(socket: Duplex, req: ClientRequest): void {
    clearTimeout(this.idleTimers.get(socket));
    this.idleTimers.delete(socket);
    super.reuseSocket(socket as never, req);
  }

  // docker-modem runs util.inspect(options, { depth: null }) on every request (for a debug line it
  // prints only with DEBUG=modem): through the agent that walks every channel, the ssh2 client and
  // its crypto state, ~1 ms per request. A short summary instead.
  [inspect.custom](): string {
    return `ChannelAgent { idle: ${this.idle()}, busy: ${this.busy()} }`;
  }

  /** Channels waiting for the next request. */
  idle(): number {
    return Object.values(this.freeSockets).reduce((n, list) => n + (list?.length ?? 0), 0);
  }

  /** Channels serving a request now (a followed log or the event stream each hold one). */
  busy(): number {
    return Object.values(this.sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
  }
}
