import { watchEngineEvents } from './engine-events';
import { accepts, freePort, httpGet, sleep, startSshWharf } from './ssh-support';
import { percentile, round, type Bench } from './types';

const IMAGE = 'wharf-fixture/busybox:1';

/**
 * port_forward_ready_ms_p95: from a container's start event (engine time) to 127.0.0.1:P on this
 * computer accepting a connection through Wharf's SSH forward (20 starts).
 * forward_throughput_ratio: a 100 MB HTTP download through the forward divided by the same
 * download from the engine's own published address (127.0.0.2:P, the "remote side directly").
 * The test sshd runs on this machine, so containers publish on 127.0.0.2 and Wharf forwards
 * 127.0.0.1:P to it over SSH (a real forward, no port clash).
 */
export const portForward: Bench = async (ctx) => {
  const wharf = await startSshWharf(ctx);
  const events = watchEngineEvents();
  const port = await freePort();
  const name = `wharf-bench-fwd-${process.pid}`;
  try {
    await ctx.docker('rm', '-f', name).catch(() => '');
    const id = await ctx.docker('create', '--name', name, '--label', 'wharf.test=1', '-p', `127.0.0.2:${port}:80`, IMAGE,
      'sh', '-c', 'mkdir -p /www && dd if=/dev/zero of=/www/big bs=1M count=100 2>/dev/null && echo ok > /www/ok && exec httpd -f -p 80 -h /www');
    const ready: number[] = [];
    for (let i = 0; i < 20; i++) {
      const from = events.seen.length;
      void ctx.docker('start', name);
      let acceptedAt = 0;
      for (let t = 0; t < 10_000 && !acceptedAt; t += 2) {
        if (await accepts('127.0.0.1', port)) acceptedAt = performance.timeOrigin + performance.now();
        else await sleep(2);
      }
      const start = events.seen.slice(from).find((e) => e.id === id && e.action === 'start');
      for (let w = 0; !start && w < 100; w++) await sleep(10);
      const ev = start ?? events.seen.slice(from).find((e) => e.id === id && e.action === 'start');
      if (!acceptedAt || !ev) throw new Error(`run ${i}: accepted=${acceptedAt} event=${Boolean(ev)}`);
      ready.push(Math.max(0, acceptedAt - ev.engineMs));
      if (i < 19) await ctx.docker('stop', '-t', '0', name);
      for (let w = 0; i < 19 && (await accepts('127.0.0.1', port)) && w < 200; w++) await sleep(10);
    }
    // Throughput: wait for the 100 MB file, then alternate direct and forwarded downloads.
    for (let w = 0; w < 300; w++) {
      if ((await httpGet({ host: '127.0.0.2', port }, '/ok').catch(() => 0)) === 3) break;
      await sleep(100);
    }
    const direct: number[] = [];
    const forwarded: number[] = [];
    // Five alternating rounds, medians: one 100 MB transfer on loopback swings 2x with machine load.
    for (let r = 0; r < 5; r++) {
      let t = performance.now();
      const a = await httpGet({ host: '127.0.0.2', port }, '/big');
      direct.push(performance.now() - t);
      t = performance.now();
      const b = await httpGet({ host: '127.0.0.1', port }, '/big');
      forwarded.push(performance.now() - t);
      if (a !== 104_857_600 || b !== a) throw new Error(`sizes: direct ${a}, forwarded ${b}`);
    }
    const d = percentile(direct, 50);
    const f = percentile(forwarded, 50);
    ctx.log(`ready after start event: p50 ${round(percentile(ready, 50))} ms, p95 ${round(percentile(ready, 95))} ms; 100 MB: direct ${round(d)} ms, forwarded ${round(f)} ms (${round(104.8576 / (f / 1000))} MB/s)`);
    return {
      port_forward_ready_ms_p95: round(percentile(ready, 95)),
      port_forward_ready_ms_p50: round(percentile(ready, 50)),
      forward_throughput_ratio: round(f / d, 2),
      forward_throughput_mb_s: round(104.8576 / (f / 1000)),
    };
  } finally {
    events.close();
    await ctx.docker('rm', '-f', name).catch(() => '');
    await wharf.stop();
  }
};
