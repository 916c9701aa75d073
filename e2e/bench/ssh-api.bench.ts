import { httpGet, startSshWharf } from './ssh-support';
import { percentile, round, type Bench } from './types';

/**
 * ssh_api_ratio: p50 of `GET /containers/json` through Wharf's SSH link divided by the local
 * socket's, same engine, same run. Measured through the host Docker socket Wharf serves (what the
 * docker CLI gets): one extra local unix hop on top of the SSH channel, so an upper bound.
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
    ctx.log(`GET /containers/json p50: ssh ${round(sshP50, 2)} ms, local ${round(localP50, 2)} ms (200 each)`);
    return { ssh_api_ratio: round(sshP50 / localP50, 2), ssh_api_p50_ms: round(sshP50, 2), local_api_p50_ms: round(localP50, 2) };
  } finally {
    await wharf.stop();
  }
};
