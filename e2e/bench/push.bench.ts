import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { backendModules } from './backend-modules';
import { readRegistryState } from '../../scripts/setup/registry-state';
import { percentile, round, type Bench } from './types';

const ROOT = resolve(__dirname, '../..');

/** A new ~50 MB single-layer image of random data (so no layer is already in the registry). */
function freshImage(ref: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-bench-push-'));
  try {
    execFileSync('bash', [
      '-c',
      `mkdir -p "${dir}/root" && head -c 50000000 /dev/urandom >"${dir}/root/data.bin" && tar -C "${dir}/root" -cf "${dir}/root.tar" . && docker import "${dir}/root.tar" ${ref} >/dev/null`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const client = { id: 'bench', send: () => {}, onClose: () => () => {} };

/**
 * push_overhead_ratio: a fresh 50 MB image pushed to the local (open) registry by Wharf's backend
 * (PushManager, the code behind the Push button, in this process) over `docker push` of another
 * fresh 50 MB image to the same registry; alternating, medians of 3.
 */
export const pushOverhead: Bench = async (ctx) => {
  execFileSync('bash', [join(ROOT, 'scripts/setup/start-registry.sh')]);
  const registry = readRegistryState().WHARF_REGISTRY;
  const { PushManager, localSession } = backendModules();
  const session = await localSession();
  const manager = new PushManager(() => session.client(), { get: async () => undefined });
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const made: string[] = [];
  const cli: number[] = [];
  const wharf: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const a = `${registry}/wharf-bench/push-cli-${run}-${i}:1`;
      const b = `${registry}/wharf-bench/push-ui-${run}-${i}:1`;
      made.push(a, b);
      freshImage(a);
      freshImage(b);
      let t = performance.now();
      await ctx.docker('push', '-q', a);
      cli.push(performance.now() - t);
      t = performance.now();
      const started = await manager.start(client, b);
      const done = await manager.wait(started.push);
      if (done.state !== 'done') throw new Error(JSON.stringify(done.error));
      wharf.push(performance.now() - t);
    }
  } finally {
    await session.close();
    for (const m of made) await ctx.docker('image', 'rm', m).catch(() => '');
  }
  const w = percentile(wharf, 50);
  const d = percentile(cli, 50);
  ctx.log(`push 50 MB: Wharf ${wharf.map(Math.round).join(', ')} ms; docker push ${cli.map(Math.round).join(', ')} ms`);
  return { push_overhead_ratio: round(w / d, 2), push_wharf_ms: round(w), push_docker_ms: round(d) };
};
