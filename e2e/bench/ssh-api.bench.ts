import Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { inspect } from 'node:util';
import { sshDataDir, sshEngine } from '../support/sshd';
import { httpGet, interleaved, startSshWharf } from './ssh-support';
import { percentile, round, type Bench } from './types';

/** node:http's keep-alive Agent, as cheap for docker-modem to describe as Wharf's ChannelAgent. */
class LocalKeepAlive extends Agent {
  [inspect.custom](): string {
    return 'Agent';
  }
}

interface SshConn {
  dockerOptions(): Docker.DockerOptions;
  link: { openDockerSocket(): Promise<{ destroy(): void }> };
  close(): Promise<void>;
}
// Bundled by esbuild (scripts/bench.sh); a require, so the e2e typecheck does not pull vm-backend in.
const { sshConnection } = require('../../vm-backend/connection/ssh/ssh-connection') as { sshConnection(o: { target: unknown; identity: string; dataDir: string }): SshConn };
const { parseSshTarget } = require('../../vm-backend/connection/ssh/target') as { parseSshTarget(spec: string): unknown };

const API = 'v1.41';

/**
 * ssh_api_ratio: p50 of `GET /containers/json` through the SSH connection the UI uses (dockerode
 * in this process, Wharf's keep-alive channel agent on one SSH link) divided by the local socket's
 * with the same client settings (dockerode with a keep-alive agent), same engine, same run.
 * Also: against Wharf's local connection as it is (a new socket per request); through the host
 * Docker socket `wharf web` serves (what the docker CLI gets: a new connection, so a new channel,
 * per request) against the local socket the same way; the channel open alone; and dockerode's
 * own `protocol: 'ssh'` (a new SSH connection per request).
 */
export const sshApi: Bench = async (ctx) => {
  const e = sshEngine();
  const conn = sshConnection({ target: parseSshTarget(e.target), identity: e.identity, dataDir: sshDataDir({ pinned: true }) });
  const wharf = await startSshWharf(ctx);
  try {
    const ssh = new Docker({ ...conn.dockerOptions(), version: API });
    const localKa = new Docker({ socketPath: '/var/run/docker.sock', version: API, agent: new LocalKeepAlive({ keepAlive: true }) } as Docker.DockerOptions);
    const localNew = new Docker({ socketPath: '/var/run/docker.sock', version: API });
    const path = `/${API}/containers/json?all=1`;
    const q = { all: true };
    const s = await interleaved({
      ssh: () => ssh.listContainers(q),
      local: () => localKa.listContainers(q),
      localNew: () => localNew.listContainers(q),
      hostSocket: () => httpGet({ socketPath: wharf.socket }, path),
      localFresh: () => httpGet({ socketPath: '/var/run/docker.sock' }, path),
      channelOpen: async () => (await conn.link.openDockerSocket()).destroy(),
    }, 5, 40);
    const p = (k: string): number => percentile(s[k] ?? [], 50);
    // Reference: dockerode's own `protocol: 'ssh'` (a new SSH connection per request), 10 calls.
    const target = new URL(e.target.replace(/^ssh:/, 'http:'));
    const modem = new Docker({ protocol: 'ssh', host: target.hostname, port: Number(target.port), username: target.username, sshOptions: { privateKey: readFileSync(e.identity) } } as Docker.DockerOptions);
    const d: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await modem.listContainers(q);
      d.push(performance.now() - t);
    }
    const ms = (k: string): string => `${round(p(k), 2)} ms`;
    ctx.log(`GET /containers/json p50 (200 each, interleaved): ssh ${ms('ssh')}, local keep-alive ${ms('local')}, local new socket per request ${ms('localNew')}`);
    ctx.log(`docker CLI path: host socket ${ms('hostSocket')} vs local ${ms('localFresh')} (a new connection each); SSH channel open alone ${ms('channelOpen')}; dockerode protocol 'ssh' ${round(percentile(d, 50))} ms`);
    return {
      ssh_api_ratio: round(p('ssh') / p('local'), 2),
      ssh_api_p50_ms: round(p('ssh'), 2),
      local_api_p50_ms: round(p('local'), 2),
      ssh_api_ratio_vs_local_new_socket: round(p('ssh') / p('localNew'), 2),
      ssh_host_socket_ratio: round(p('hostSocket') / p('localFresh'), 2),
      ssh_host_socket_p50_ms: round(p('hostSocket'), 2),
      ssh_channel_open_ms_p50: round(p('channelOpen'), 2),
      dockerode_ssh_mode_ratio: round(percentile(d, 50) / p('local')),
    };
  } finally {
    await conn.close();
    await wharf.stop();
  }
};
