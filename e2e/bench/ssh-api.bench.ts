import Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { sshEngine } from '../support/sshd';
import { httpGet, startSshWharf } from './ssh-support';
import { percentile, round, type Bench } from './types';

/**
 * ssh_api_ratio: p50 of `GET /containers/json` through Wharf's SSH link divided by the local
 * socket's, same engine, same run. Measured through the host Docker socket Wharf serves (what the
 * docker CLI gets): one extra local unix hop on top of the SSH channel, so an upper bound.
 * dockerode_ssh_mode_ratio: the same call through dockerode's own protocol 'ssh', for reference.
 */
export const sshApi: Bench = async (ctx) => {
  const wharf = await startSshWharf(ctx);
  try {
    const path = '/v1.41/containers/json?all=1';
    const time = async (o: { socketPath: string }, n: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await httpGet(o, path);
        out.push(performance.now() - t);
      }
      return out;
    };
    const ssh = { socketPath: wharf.socket };
    const local = { socketPath: '/var/run/docker.sock' };
    await time(ssh, 20);
    await time(local, 20);
    // Interleaved rounds, so machine noise hits both alike.
    const s: number[] = [];
    const l: number[] = [];
    for (let r = 0; r < 5; r++) {
      s.push(...(await time(ssh, 40)));
      l.push(...(await time(local, 40)));
    }
    const sshP50 = percentile(s, 50);
    const localP50 = percentile(l, 50);
    // Reference: dockerode's own `protocol: 'ssh'` (a new SSH connection per request), 10 calls.
    const e = sshEngine();
    const target = new URL(e.target.replace(/^ssh:/, 'http:'));
    const modem = new Docker({ protocol: 'ssh', host: target.hostname, port: Number(target.port), username: target.username, sshOptions: { privateKey: readFileSync(e.identity) } } as Docker.DockerOptions);
    const d: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await modem.listContainers({ all: true });
      d.push(performance.now() - t);
    }
    const dockerodeP50 = percentile(d, 50);
    ctx.log(`GET /containers/json p50: ssh ${round(sshP50, 2)} ms, local ${round(localP50, 2)} ms (200 each); dockerode protocol 'ssh': ${round(dockerodeP50)} ms`);
    return {
      ssh_api_ratio: round(sshP50 / localP50, 2),
      ssh_api_p50_ms: round(sshP50, 2),
      local_api_p50_ms: round(localP50, 2),
      dockerode_ssh_mode_ratio: round(dockerodeP50 / localP50),
    };
  } finally {
    await wharf.stop();
  }
};
