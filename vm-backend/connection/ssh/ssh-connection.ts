// A Connection whose engine is reached through one SSH link: dockerode and the /_ping probe get an
// http.Agent whose connections are channels to the remote Docker socket, kept open for the next
// request (keep-alive) while idle.
import { join } from 'node:path';
import type { Connection, LinkEvents } from '../connection';
import { ChannelAgent } from './channel-agent';
import { HostKeyStore } from './host-keys';
import { PortForwarder } from './port-forwards';
import { type ClientKey, ensureKey, readIdentity } from './keys';
import { SshLink, type SshLinkOptions } from './ssh-link';
import { formatSshTarget, type SshTarget, targetId } from './target';

export interface SshConnectionOptions extends Partial<Omit<SshLinkOptions, 'target' | 'privateKey' | 'hostKeys'>> {
  target: SshTarget;
  /** The user's private key; without it Wharf uses (and first generates) its own per-target key. */
  identity?: string;
  dataDir: string;
  /** The SSH host's network is this machine's (published ports are already here); default: a
   *  loopback host. The VM is reached on loopback too but is another machine: false. */
  sameHost?: boolean;
  /** Delays between attempts at a forward whose port another program holds (tests: shorter). */
  portRetryMs?: readonly number[];
}

export interface SshConnection extends Connection {
  kind: 'ssh';
  link: SshLink;
  ports: PortForwarder;
  key: ClientKey;
  target: SshTarget;
  /** The agent dockerode and node:http use: its idle() channels are kept for the next request. */
  agent?: ChannelAgent;
}

/** Where Wharf keeps SSH things: `<data>/ssh/known_hosts` and `<data>/ssh/keys/<user@host_port>`. */
const sshPaths = (dataDir: string, t: SshTarget): { knownHosts: string; key: string } => ({
  knownHosts: join(dataDir, 'ssh', 'known_hosts'),
  key: join(dataDir, 'ssh', 'keys', targetId(t)),
});

/** A target on this machine's loopback: its engine's published ports are already here. */
const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host);

export function sshConnection(o: SshConnectionOptions): SshConnection {
  const paths = sshPaths(o.dataDir, o.target);
  const key = o.identity ? readIdentity(o.identity) : ensureKey(paths.key, `wharf@${targetId(o.target)}`);
  const { identity: _i, dataDir: _d, sameHost, portRetryMs, ...linkOpts } = o;
  const link = new SshLink({ ...linkOpts, privateKey: key.privateKey, hostKeys: new HostKeyStore(paths.knownHosts) });
  const agent = new ChannelAgent(() => link.openDockerSocket());
  const ports = new PortForwarder(link, sameHost ?? isLoopback(o.target.host), portRetryMs);
  // The host name is never resolved: the agent supplies the connection. It is what docker sends.
  const host = 'api.moby.localhost';
  const events: LinkEvents = {
    reconnecting: () => link.state === 'reconnecting',
    onChange(listener) {
      const f = (s: string): void => {
        if (s === 'ready' || s === 'reconnecting' || s === 'failed') listener(s);
      };
      link.on('state', f);
      return () => void link.off('state', f);
    },
    details: () => ({
      ...(link.fingerprint ? { hostKey: link.fingerprint } : {}),
      ...(link.pinnedNow ? { hostKeyNew: 'true' } : {}),
    }),
  };
  return {
    kind: 'ssh',
    endpoint: formatSshTarget(o.target),
    link,
    ports,
    key,
    target: o.target,
    agent,
    linkEvents: events,
    hostCommand: (command, timeoutMs) => link.exec(command, timeoutMs),
    dockerOptions: () => ({ host, port: 80, protocol: 'http', agent }),
    httpOptions: () => ({ host, port: 80, agent }),
    close: async () => {
      ports.closeAll();
      agent.destroy();
      await link.close();
    },
  };
}
