// The one SSH connection to a target: kept alive, host key pinned, every engine request a new
// channel on it. A drop after `ready` reconnects in the background with backoff; callers that
// need the link meanwhile wait for it (ready()).
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { ErrorCode } from '../../api/error-codes';
import type { WharfError } from '../../api/errors';
import type { HostKeyStore } from './host-keys';
import {
  dockerNotRunning,
  dockerPermission,
  dockerUnreachable,
  forwardingDisabled,
  hostKeyChanged,
  noDocker,
  sshConnectError,
} from './ssh-errors';
import { knownHostsName, type SshTarget } from './target';

export type LinkState = 'idle' | 'connecting' | 'ready' | 'reconnecting' | 'failed' | 'closed';

export interface SshLinkOptions {
  target: SshTarget;
  privateKey: Buffer;
  hostKeys: HostKeyStore;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  readyTimeoutMs?: number;
  remoteSocket?: string;
}

const RECONNECT_MS = [0, 250, 500, 1000, 2000, 3000, 5000];
const FATAL: ReadonlySet<string> = new Set<ErrorCode>(['SSH_HOST_KEY_CHANGED', 'SSH_AUTH_FAILED']);

/**
 * sshd leaves Nagle on for a connection that only forwards; it turns it off (TCP_NODELAY) once a
 * command starts on it. Without that, a small response sent while the previous one is
 * unacknowledged waits for this side's delayed ACK: 40 ms stalls whenever requests overlap
 * (measured: 4 parallel pings 44 ms a round, 2 ms with it). So start one trivial command: sshd
 * has switched by the time it confirms the start, so only that round trip is waited for, not the
 * user's shell (a heavy .bashrc takes 150 ms here); whatever it prints is ignored. A host that
 * refuses commands costs nothing but the attempt.
 */
function nodelayOnHost(client: Client, capMs = 2000): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, capMs);
    const finish = (): void => {
      clearTimeout(timer);
      done();
    };
    try {
      client.exec('true', (err, ch) => {
        finish();
        if (err) return;
        ch.resume();
        ch.stderr.resume();
        const stop = setTimeout(() => ch.close(), 10_000);
        stop.unref();
        ch.once('close', () => clearTimeout(stop));
      });
    } catch {
      finish();
    }
  });
}

export class SshLink extends EventEmitter {
  state: LinkState = 'idle';
  error: WharfError | null = null;
  /** The host key's fingerprint, once seen; `pinnedNow` when this run pinned it (first use). */
  fingerprint: string | undefined;
  pinnedNow = false;
  /** Channels open right now (docker socket and TCP forwards): a leak shows here. */
  openChannels = 0;
  readonly remoteSocket: string;
  private client: Client | null = null;
  private attempt: Promise<Client> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retries = 0;

  constructor(readonly opts: SshLinkOptions) {
    super();
    this.setMaxListeners(0);
    this.remoteSocket = opts.remoteSocket ?? '/var/run/docker.sock';
  }

  /** The live client; waits for a connection in progress, or starts one. */
  ready(waitMs = 30_000): Promise<Client> {
    if (this.state === 'closed') return Promise.reject(new Error('the SSH link is closed'));
    if (this.state === 'ready' && this.client) return Promise.resolve(this.client);
    if (this.state === 'idle' || this.state === 'failed') void this.connectOnce().catch(() => {});
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          done(
            this.error ??
              sshConnectError(
                this.opts.target,
                Object.assign(new Error('timed out waiting for the SSH link'), { code: 'ETIMEDOUT' }),
              ),
          ),
        waitMs,
      );
      const onState = (s: LinkState): void => {
        if (s === 'ready' && this.client) done(null, this.client);
        else if (s === 'failed' || s === 'closed') done(this.error ?? new Error('the SSH link is closed'));
      };
      const done = (err: Error | null, c?: Client): void => {
        clearTimeout(timer);
        this.off('state', onState);
        if (err) reject(err);
        else resolve(c as Client);
      };
      this.on('state', onState);
    });
  }

  /** A new channel to the remote Docker socket. */
  async openDockerSocket(): Promise<ClientChannel> {
    const client = await this.ready();
    try {
      return await this.track(
        await new Promise<ClientChannel>((ok, fail) =>
          client.openssh_forwardOutStreamLocal(this.remoteSocket, (err, ch) => (err ? fail(err) : ok(ch))),
        ),
      );
    } catch (err) {
      throw await this.explainSocketFailure(err);
    }
  }

  /** A new channel to a TCP address as seen from the remote host. */
  async forwardOut(host: string, port: number): Promise<ClientChannel> {
    const client = await this.ready();
    return this.track(
      await new Promise<ClientChannel>((ok, fail) =>
        client.forwardOut('127.0.0.1', 0, host, port, (err, ch) => (err ? fail(err) : ok(ch))),
      ),
    );
  }

  /** Runs a command on the host (non-interactive), with its stdout. */
  async exec(command: string, timeoutMs = 10_000): Promise<string> {
    const client = await this.ready();
    return new Promise((ok, fail) => {
      client.exec(command, (err, ch) => {
        if (err) return fail(err);
        this.track(ch);
        let out = '';
        const timer = setTimeout(() => ch.close(), timeoutMs);
        ch.on('data', (b: Buffer) => (out += b.toString()));
        ch.stderr.resume();
        ch.on('close', () => {
          clearTimeout(timer);
          ok(out);
        });
      });
    });
  }

  /** This side's TCP port of the live connection (tests find the sshd serving it by it). */
  localPort(): number | undefined {
    return (this.client as unknown as { _sock?: { localPort?: number } } | null)?._sock?.localPort;
  }

  /** Drops the link as a network failure would (for tests and for "reconnect now"). */
  dropForTest(): void {
    (this.client as unknown as { _sock?: { destroy(): void } } | null)?._sock?.destroy();
  }

  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.setState('closed');
    this.client?.end();
    this.client = null;
  }

  private track(ch: ClientChannel): ClientChannel {
    this.openChannels++;
    ch.once('close', () => this.openChannels--);
    return ch;
  }

  private setState(s: LinkState): void {
    if (this.state === 'closed') return;
    this.state = s;
    this.emit('state', s);
  }

  private connectOnce(): Promise<Client> {
    this.attempt ??= this.handshake().finally(() => (this.attempt = null));
    return this.attempt;
  }

  private handshake(): Promise<Client> {
    const { target, hostKeys } = this.opts;
    if (this.state !== 'reconnecting') this.setState('connecting');
    const client = new Client();
    let refused: WharfError | null = null;
    const config: ConnectConfig = {
      host: target.host,
      port: target.port,
      username: target.user,
      privateKey: this.opts.privateKey,
      // ssh2 leaves keepalive off by default: a dead link would go unnoticed.
      keepaliveInterval: this.opts.keepaliveIntervalMs ?? 5000,
      keepaliveCountMax: this.opts.keepaliveCountMax ?? 3,
      readyTimeout: this.opts.readyTimeoutMs ?? 10_000,
      // AES-GCM runs in Node's native crypto; ssh2's chacha20 fallback (no native addon) is JS.
      algorithms: { cipher: { prepend: ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com'] } as never },
      hostVerifier: (key: Buffer) => {
        const check = hostKeys.check(knownHostsName(target), key);
        this.fingerprint = check.fingerprint;
        if (check.result === 'new') this.pinnedNow = true;
        if (check.result !== 'changed') return true;
        refused = hostKeyChanged(target, check.fingerprint, check.expected);
        return false;
      },
    };
    return new Promise<Client>((resolve, reject) => {
      let isReady = false;
      let gone = false;
      // Small request/response packets: without this, Nagle + delayed ACK add ~40 ms per request.
      client.once('connect', () => client.setNoDelay(true));
      client.once(
        'ready',
        () =>
          void nodelayOnHost(client).then(() => {
            if (gone) return; // dropped meanwhile: the close handler has reported it
            if (this.state === 'closed') return void client.end();
            isReady = true;
            this.client = client;
            this.error = null;
            this.retries = 0;
            resolve(client);
            this.setState('ready');
          }),
      );
      client.on('error', (err) => {
        if (!isReady) this.error = refused ?? sshConnectError(target, err);
      });
      client.once('close', () => {
        gone = true;
        if (!isReady) {
          const err =
            this.error ??
            sshConnectError(target, Object.assign(new Error('connection closed before ready'), { code: 'ECONNRESET' }));
          reject(err);
          this.afterFailure(err);
          return;
        }
        if (this.client === client) this.client = null;
        if (this.state === 'closed') return;
        this.emit('dropped');
        this.setState('reconnecting');
        this.scheduleReconnect();
      });
      client.connect(config);
    });
  }

  private afterFailure(err: WharfError): void {
    if (this.state === 'closed') return;
    // A drop keeps retrying with backoff unless the host said no for good (key, auth).
    if (this.state === 'reconnecting' && !FATAL.has(err.code)) this.scheduleReconnect();
    else this.setState('failed');
  }

  private scheduleReconnect(): void {
    const delay = RECONNECT_MS[Math.min(this.retries, RECONNECT_MS.length - 1)] ?? 5000;
    this.retries++;
    this.retryTimer = setTimeout(() => void this.connectOnce().catch(() => {}), delay);
  }

  private async explainSocketFailure(err: unknown): Promise<Error> {
    const { target } = this.opts;
    const socket = this.remoteSocket;
    const detail = (err as Error)?.message ?? String(err);
    if ((err as { reason?: number }).reason === 1) return forwardingDisabled(target, detail);
    // The channel failure does not say why: ask the host. Its shell may print anything first (a
    // chatty .bashrc, even text that looks like our answer): only a line with this nonce counts.
    const nonce = randomBytes(6).toString('hex');
    const s = socket.replace(/'/g, '');
    const probe = `s='${s}'; if [ ! -S "$s" ]; then a=missing; elif [ -r "$s" ] && [ -w "$s" ]; then a=ok; else a=denied; fi; echo "WHARF_PROBE_${nonce}=$a"`;
    const answer = await this.exec(probe, 5000).catch(() => '');
    const found = new RegExp(`WHARF_PROBE_${nonce}=(\\w+)`).exec(answer)?.[1];
    if (found === 'denied')
      return dockerPermission(target, `${detail}; ${socket} is not readable and writable by ${target.user}`);
    if (found === 'missing') return noDocker(target, socket, `${detail}; ${socket} does not exist`);
    if (found === 'ok')
      return dockerNotRunning(target, socket, `${detail}; ${socket} exists but nothing answers on it`);
    return dockerUnreachable(
      target,
      socket,
      `${detail}; the host did not run the check (${answer.trim().slice(0, 200) || 'no output'})`,
    );
  }
}
