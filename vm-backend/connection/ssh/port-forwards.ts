// Published ports of a remote engine, made reachable here: for each published TCP port P a
// listener on 127.0.0.1:P and [::1]:P whose every connection is a `forwardOut` channel to the
// binding's address on the remote host. Listeners stay bound while the link reconnects; a new
// connection then waits for the link (SshLink.ready()).
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
  /** Connections being served right now (for leak checks). */
  active = 0;

  constructor(
    private readonly link: SshLink,
    private readonly sameHost: boolean,
  ) {}

  async publish(containerId: string, ports: readonly PortMapping[]): Promise<PortIssue[]> {
    const want = new Map<number, string>();
    for (const p of ports)
      if (p.protocol === 'tcp' && p.hostPort && !want.has(p.hostPort)) want.set(p.hostPort, remoteHostFor(p.hostIp));
    const had = this.byContainer.get(containerId) ?? new Set<number>();
    for (const port of had) if (!want.has(port)) this.release(containerId, port);
    const mine = new Set<number>();
    const issues: PortIssue[] = [];
    for (const [port, remoteHost] of want) {
      const issue = await this.acquire(containerId, port, remoteHost);
      if (issue) issues.push(issue);
      else mine.add(port);
    }
    if (mine.size) this.byContainer.set(containerId, mine);
    else this.byContainer.delete(containerId);
    return issues;
  }

  /** Closes the forwards of containers not in `ids` (after a full re-list). */
  retain(ids: ReadonlySet<string>): void {
    for (const id of [...this.byContainer.keys()]) if (!ids.has(id)) void this.publish(id, []);
  }

  /** Host ports forwarded right now (direct ones excluded). */
  forwardedPorts(): number[] {
    return [...this.byPort.values()].filter((f) => !f.direct).map((f) => f.port);
  }

  closeAll(): void {
    for (const f of this.byPort.values()) for (const s of f.servers) s.close();
    this.byPort.clear();
    this.byContainer.clear();
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
