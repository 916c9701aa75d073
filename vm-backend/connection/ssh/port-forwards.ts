// Published ports of a remote engine, made reachable here: for each published TCP port P a
// listener on 127.0.0.1:P and [::1]:P whose every connection is a `forwardOut` channel to the
// binding's address on the remote host. Listeners stay bound while the link reconnects; a new
// connection then waits for the link (SshLink.ready()). A port another program holds here is
// reported on the container (PORT_FORWARD_TAKEN) and tried again with backoff until it is free
// or the container stops; every change of a container's issues goes to onIssues listeners.
import { createServer, type Server, type Socket } from 'node:net';
import type { PortIssue, PortMapping } from '../../api/types';
import type { PortPublisher } from '../connection';
import { splice } from './splice';
import { forwardTaken } from './ssh-errors';
import type { SshLink } from './ssh-link';

interface Forward {
  port: number;
  remoteHost: string;
  servers: Server[];
  /** The local port is the engine's own (the SSH host is this machine): nothing to forward. */
  direct: boolean;
  owners: Set<string>;
}

const WILDCARD = new Set(['', '0.0.0.0', '::']);
/** Delays between attempts at a port another program holds (the last one repeats). */
export const RETRY_MS = [500, 1000, 2000, 4000, 8000, 15_000];

interface Waiting {
  remoteHost: string;
  issue: PortIssue;
  tries: number;
  timer: NodeJS.Timeout;
}

/** Where the remote side listens for a binding: loopback for a wildcard, else its own address. */
function remoteHostFor(hostIp: string): string {
  return WILDCARD.has(hostIp) ? '127.0.0.1' : hostIp;
}

function listen(host: string, port: number, onConn: (s: Socket) => void): Promise<Server> {
  return new Promise((ok, fail) => {
    const srv = createServer({ allowHalfOpen: true, pauseOnConnect: true, highWaterMark: 1 << 20 }, onConn);
    srv.once('error', fail);
    srv.listen({ host, port, exclusive: true }, () => {
      srv.off('error', fail);
      srv.on('error', () => {});
      ok(srv);
    });
  });
}

export class PortForwarder implements PortPublisher {
  private readonly byPort = new Map<number, Forward>();
  private readonly byContainer = new Map<string, Set<number>>();
  /** Ports of a container that another program holds here, each with its next attempt. */
  private readonly waiting = new Map<string, Map<number, Waiting>>();
  private readonly issueListeners = new Set<(containerId: string, issues: PortIssue[]) => void>();
  /** Connections being served right now (for leak checks). */
  active = 0;

  constructor(
    private readonly link: SshLink,
    private readonly sameHost: boolean,
    private readonly retryMs: readonly number[] = RETRY_MS,
  ) {}

  /** While suspended (the VM is down) nothing listens: a connection is refused at once. */
  private suspended = false;

  async publish(containerId: string, ports: readonly PortMapping[]): Promise<PortIssue[]> {
    if (this.suspended) return [];
    const want = new Map<number, string>();
    for (const p of ports)
      if (p.protocol === 'tcp' && p.hostPort && !want.has(p.hostPort)) want.set(p.hostPort, remoteHostFor(p.hostIp));
    const had = this.byContainer.get(containerId) ?? new Set<number>();
    for (const port of had) if (!want.has(port)) this.release(containerId, port);
    this.stopWaiting(containerId);
    const mine = new Set<number>();
    const issues: PortIssue[] = [];
    for (const [port, remoteHost] of want) {
      const issue = await this.acquire(containerId, port, remoteHost);
      if (!issue) {
        mine.add(port);
        continue;
      }
      issues.push(issue);
      this.wait(containerId, port, remoteHost, issue, 0);
    }
    if (mine.size) this.byContainer.set(containerId, mine);
    else this.byContainer.delete(containerId);
    return issues;
  }

  /** Called with a container's issues each time a retry changes them (a port freed: fewer). */
  onIssues(listener: (containerId: string, issues: PortIssue[]) => void): () => void {
    this.issueListeners.add(listener);
    return () => void this.issueListeners.delete(listener);
  }

  /** The container's ports that another program holds here right now. */
  issuesOf(containerId: string): PortIssue[] {
    return [...(this.waiting.get(containerId)?.values() ?? [])].map((w) => w.issue);
  }

  /** Closes the forwards of containers not in `ids` (after a full re-list). */
  retain(ids: ReadonlySet<string>): void {
    for (const id of [...this.byContainer.keys()]) if (!ids.has(id)) void this.publish(id, []);
  }

  /** Host ports forwarded right now (direct ones excluded). */
  forwardedPorts(): number[] {
    return [...this.byPort.values()].filter((f) => !f.direct).map((f) => f.port);
  }

  /** Closes every forward now (a client gets "connection refused", not a wait) and opens none
   *  until resume(); the session publishes again when it reconnects. */
  suspend(): void {
    this.suspended = true;
    this.closeAll();
  }

  resume(): void {
    this.suspended = false;
  }

  closeAll(): void {
    for (const id of [...this.waiting.keys()]) this.stopWaiting(id);
    for (const f of this.byPort.values()) for (const s of f.servers) s.close();
    this.byPort.clear();
    this.byContainer.clear();
  }

  private wait(containerId: string, port: number, remoteHost: string, issue: PortIssue, tries: number): void {
    let mine = this.waiting.get(containerId);
    if (!mine) this.waiting.set(containerId, (mine = new Map()));
    const delay = this.retryMs[Math.min(tries, this.retryMs.length - 1)] ?? 15_000;
    const timer = setTimeout(() => void this.retry(containerId, port), delay);
    timer.unref();
    mine.set(port, { remoteHost, issue, tries, timer });
  }

  private async retry(containerId: string, port: number): Promise<void> {
    const w = this.waiting.get(containerId)?.get(port);
    if (!w) return;
    const issue = await this.acquire(containerId, port, w.remoteHost);
    // The container stopped, or was published again, while this attempt ran.
    if (this.waiting.get(containerId)?.get(port) !== w) {
      if (!issue) this.release(containerId, port);
      return;
    }
    if (issue) {
      this.wait(containerId, port, w.remoteHost, issue, w.tries + 1);
      if (issue.detail === w.issue.detail) return;
    } else {
      this.waiting.get(containerId)?.delete(port);
      if (!this.waiting.get(containerId)?.size) this.waiting.delete(containerId);
      const mine = this.byContainer.get(containerId) ?? new Set<number>();
      mine.add(port);
      this.byContainer.set(containerId, mine);
    }
    const now = this.issuesOf(containerId);
    for (const l of this.issueListeners) l(containerId, now);
  }

  private stopWaiting(containerId: string): void {
    for (const w of this.waiting.get(containerId)?.values() ?? []) clearTimeout(w.timer);
    this.waiting.delete(containerId);
  }

  private release(containerId: string, port: number): void {
    const f = this.byPort.get(port);
    if (!f) return;
    f.owners.delete(containerId);
    if (f.owners.size) return;
    for (const s of f.servers) s.close();
    this.byPort.delete(port);
  }

  private async acquire(containerId: string, port: number, remoteHost: string): Promise<PortIssue | null> {
    const existing = this.byPort.get(port);
    if (existing) {
      existing.owners.add(containerId);
      return null;
    }
    const onConn = (sock: Socket): void => this.pipe(sock, remoteHost, port);
    const servers: Server[] = [];
    let taken: Error | null = null;
    for (const host of ['127.0.0.1', '::1']) {
      try {
        servers.push(await listen(host, port, onConn));
      } catch (err) {
        const code = (err as { code?: string }).code;
        // No IPv6 loopback on this machine: IPv4 alone is fine.
        if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue;
        taken = err as Error;
        break;
      }
    }
    if (taken) {
      for (const s of servers) s.close();
      if (this.sameHost && remoteHost === '127.0.0.1') {
        // The SSH host is this machine and the engine listens on its loopback: the port is already here.
        this.byPort.set(port, { port, remoteHost, servers: [], direct: true, owners: new Set([containerId]) });
        return null;
      }
      return forwardTaken(port, taken.message);
    }
    this.byPort.set(port, { port, remoteHost, servers, direct: false, owners: new Set([containerId]) });
    return null;
  }

  private pipe(sock: Socket, host: string, port: number): void {
    this.active++;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      this.active--;
    };
    sock.once('close', finish);
    splice(sock, this.link.forwardOut(host, port));
  }
}
