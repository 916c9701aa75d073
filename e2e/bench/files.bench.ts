// files: Wharf's backend in this process (createBackend + the web server, as `wharf web` runs them)
// against the real engine, each figure beside the docker CLI doing the same in the same run.
// - dir_10k_list_ratio: files:list of a folder of 10,000 files in a running container, over
//   `docker exec ls -la` of that folder (medians of 5);
// - root_list_ms: files:list of `/` in a running container of a 1 GB image (and, reported beside it,
//   of a stopped one: its image's listing by a short-lived helper + docker diff, the first time and
//   then with the image's listing cached);
// - copy_out_ratio: a 200 MB file saved into a folder through Wharf (files:save: the desktop
//   app's Download, web mode's "Save to a folder"), over `docker cp` out into a folder (medians of
//   5, interleaved), the median of the rounds' own ratios beside it (copy_out_round_ratio);
//   copy_out_browser_ratio: the same file through web mode's browser download (GET
//   /files/transfer, curl saving it as the browser would: a third process on the bytes' way);
//   and the backend's RSS growth during a copy of each (the largest of the rounds).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { medianMs, percentile, round, type Bench } from './types';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: unknown };
interface InProcessBackend {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}
// Bundled by esbuild (scripts/bench.sh); a require, so the e2e typecheck does not pull vm-backend in.
const { createBackend } = require('../../vm-backend/wiring/backend') as {
  createBackend(o: { connection: unknown }): InProcessBackend;
};
const { localConnectionFromEnv } = require('../../vm-backend/connection/local') as {
  localConnectionFromEnv(): unknown;
};
const { startWebServer } = require('../../vm-backend/server/web-server') as {
  startWebServer(o: { backend: InProcessBackend; token: string; port: number; staticDir: string }): Promise<{
    port: number;
    close(): Promise<void>;
  }>;
};

const run = promisify(execFile);
/** Copies of each kind, interleaved: this shared machine's own swings are as large as the gap. */
const ROUNDS = 5;

export const filesBench: Bench = async (ctx) => {
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const many = `bench-files-many-${tag}`;
  const big = `bench-files-1g-${tag}`;
  const bigStopped = `bench-files-1g-stopped-${tag}`;
  const image = `wharf-test/bench-1g:${tag}`;
  const dir = mkdtempSync(join(tmpdir(), 'wharf-bench-files-'));
  const backend = createBackend({ connection: localConnectionFromEnv() });
  const web = await startWebServer({ backend, token: 'b'.repeat(32), port: 0, staticDir: dir });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const e = (await backend.invoke(name, input)) as Envelope<T>;
    if (!e.ok) throw new Error(`${name}: ${JSON.stringify(e.error)}`);
    return e.value;
  };
  try {
    for (let i = 0; i < 100; i++) {
      const s = await call<{ state: string }>('engine:status', {});
      if (s.state === 'ready') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    ctx.log('a running container with 10,000 files, and a 1 GB image…');
    await ctx.docker(
      'run',
      '-d',
      '--name',
      many,
      '--label',
      'wharf.test=1',
      'wharf-fixture/busybox:1',
      'sh',
      '-c',
      'mkdir /many && cd /many && seq 1 10000 | xargs touch && head -c 209715200 /dev/urandom > /big.bin && touch /ready && sleep 3600',
    );
    for (let i = 0; i < 600; i++) {
      if (
        await ctx.docker('exec', many, 'ls', '/ready').then(
          () => true,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    writeFileSync(
      join(dir, 'Dockerfile'),
      'FROM wharf-fixture/busybox:1\nRUN for i in 1 2 3 4 5 6 7 8; do head -c 134217728 /dev/zero > /big$i; done\n',
    );
    await ctx.docker('build', '-q', '-t', image, dir);
    await ctx.docker('run', '-d', '--name', big, '--label', 'wharf.test=1', image, 'sleep', '3600');
    await ctx.docker('create', '--name', bigStopped, '--label', 'wharf.test=1', image, 'true');

    const owner = (id: string) => ({ kind: 'container', id });
    const listed = await call<{ entries: unknown[]; via: string }>('files:list', { owner: owner(many), path: '/many' });
    if (listed.entries.length !== 10_000) throw new Error(`listed ${listed.entries.length} of 10000`);
    const wharfDir = await medianMs(5, () => call('files:list', { owner: owner(many), path: '/many' }));
    const lsDir = await medianMs(5, () => ctx.docker('exec', many, 'ls', '-la', '/many'));
    const root = await medianMs(5, () => call('files:list', { owner: owner(big), path: '/' }));
    // A stopped container: its image's listing (a short-lived helper) the first time, then cached.
    const rootStopped = await medianMs(1, () => call('files:list', { owner: owner(bigStopped), path: '/' }));
    const rootStoppedCached = await medianMs(5, () => call('files:list', { owner: owner(bigStopped), path: '/' }));
    const stoppedVia = (await call<{ via: string }>('files:list', { owner: owner(bigStopped), path: '/' })).via;
    ctx.log(`10k folder: wharf ${round(wharfDir)} ms (via ${listed.via}), docker exec ls -la ${round(lsDir)} ms`);
    ctx.log(
      `/ of a 1 GB image: running ${round(root)} ms, stopped (via ${stoppedVia}) ${round(rootStopped)} ms first, ${round(rootStoppedCached)} ms cached`,
    );

    // curl writes the file as the browser does, in its own process (a reader in this process
    // would share the 2 cores with the backend it measures).
    const browserDownload = async (): Promise<number> => {
      const t = await call<{ url: string }>('files:download-ticket', { owner: owner(many), path: '/big.bin' });
      const out = join(dir, 'wharf.bin');
      await run('curl', ['-sf', '-o', out, `http://127.0.0.1:${web.port}${t.url}`]);
      return statSync(out).size;
    };
    const saveDir = join(dir, 'saved');
    mkdirSync(saveDir);
    let copies = 0;
    const save = async (): Promise<number> => {
      const r = await call<{ savedAs: string; state: string }>('files:save', {
        owner: owner(many),
        path: '/big.bin',
        copy: `copy-bench${++copies}`,
        folder: saveDir,
        replace: true,
      });
      if (r.state !== 'done') throw new Error(`save ${r.state}`);
      return statSync(r.savedAs).size;
    };
    if ((await browserDownload()) !== 209_715_200) throw new Error('short download');
    if ((await save()) !== 209_715_200) throw new Error('short save');
    // Interleaved rounds, the order turning each round: on this shared 2-core machine the load
    // moves within seconds, and three of one then three of the other measured the load.
    // RSS growth during each copy, over the RSS when it started, the largest per kind.
    const growth = { save: 0, browser: 0, cp: 0 };
    let kind: keyof typeof growth = 'cp';
    let rssAtStart = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      growth[kind] = Math.max(growth[kind], process.memoryUsage().rss - rssAtStart);
    }, 20);
    const saveTimes: number[] = [];
    const browserTimes: number[] = [];
    const cpTimes: number[] = [];
    const timed = async (k: keyof typeof growth, into: number[], f: () => Promise<unknown>): Promise<void> => {
      kind = k;
      rssAtStart = process.memoryUsage().rss;
      const t = performance.now();
      await f();
      into.push(performance.now() - t);
    };
    // Each copy writes a file that is not there yet (removed before, outside the timing): replacing
    // a 200 MB file frees its blocks first, a cost of the disk and not of the copy.
    const fresh = (): void => {
      for (const f of [join(saveDir, 'big.bin'), join(dir, 'big.bin'), join(dir, 'wharf.bin')])
        rmSync(f, { force: true });
    };
    for (let i = 0; i < ROUNDS; i++) {
      const order = [
        () => timed('save', saveTimes, save),
        () => timed('cp', cpTimes, () => run('docker', ['cp', `${many}:/big.bin`, join(dir, 'big.bin')])),
        () => timed('browser', browserTimes, browserDownload),
      ];
      for (let k = 0; k < order.length; k++) {
        fresh();
        await (order[(k + i) % order.length] as () => Promise<void>)();
      }
    }
    clearInterval(sampler);
    const saveCopy = percentile(saveTimes, 50);
    const browserCopy = percentile(browserTimes, 50);
    const cpOut = percentile(cpTimes, 50);
    const roundRatio = percentile(
      saveTimes.map((w, i) => w / (cpTimes[i] as number)),
      50,
    );
    const ms = (a: number[]): string => a.map((t) => round(t)).join('/');
    ctx.log(
      `200 MB: wharf save ${ms(saveTimes)} ms, browser download ${ms(browserTimes)} ms, docker cp ${ms(cpTimes)} ms; RSS growth: save ${round(growth.save / 2 ** 20)} MiB, browser download ${round(growth.browser / 2 ** 20)} MiB`,
    );
    return {
      dir_10k_list_ratio: round(wharfDir / lsDir, 2),
      dir_10k_list_ms: round(wharfDir),
      dir_10k_ls_ms: round(lsDir),
      root_list_ms: round(root),
      root_list_stopped_ms: round(rootStopped),
      root_list_stopped_cached_ms: round(rootStoppedCached),
      copy_out_ratio: round(saveCopy / cpOut, 2),
      copy_out_round_ratio: round(roundRatio, 2),
      copy_out_browser_ratio: round(browserCopy / cpOut, 2),
      copy_out_ms: round(saveCopy),
      copy_out_browser_ms: round(browserCopy),
      docker_cp_out_ms: round(cpOut),
      copy_out_rss_growth_mb: round(growth.save / 2 ** 20),
      copy_out_browser_rss_growth_mb: round(growth.browser / 2 ** 20),
    };
  } finally {
    await ctx.docker('rm', '-f', many, big, bigStopped).catch(() => '');
    await ctx.docker('rmi', image).catch(() => '');
    await web.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
