import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { percentile, round, type Bench, type BenchContext } from './types';
import { type BackendSession, backendModules } from './backend-modules';

const BASE = 'wharf-fixture/busybox:1';
const LEGACY = { ...process.env, DOCKER_BUILDKIT: '0' };

/** Runs `docker build` (the classic builder, as Wharf asks for); resolves when `until` is printed
 *  or the command ends, with the time it took. */
function cliBuild(args: string[], until?: RegExp): Promise<number> {
  const t = performance.now();
  return new Promise((ok, fail) => {
    const p = spawn('docker', ['build', ...args], { env: LEGACY });
    let out = '';
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      ok(performance.now() - t);
    };
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (until?.test(out)) {
        finish();
        p.kill('SIGINT');
      }
    });
    p.stderr.on('data', (b: Buffer) => (out += b.toString()));
    p.on('close', (code) => (code === 0 || done ? finish() : fail(new Error(out.slice(-500)))));
  });
}

async function openBuild(ctx: BenchContext, dataDir: string): Promise<{ page: Page; stop(): Promise<void> }> {
  const wharf = await ctx.startWharfWeb({ env: { WHARF_DATA_DIR: dataDir, WHARF_CONFIG_DIR: dataDir } });
  const page = await ctx.browser.newPage();
  await page.goto(wharf.url);
  await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'Build', exact: true }).click();
  return {
    page,
    stop: async () => {
      await page.close();
      await wharf.stop();
    },
  };
}

async function fillForm(page: Page, folder: string, tag: string, noCache: boolean): Promise<void> {
  const field = page.getByRole('combobox', { name: 'Folder (build context)' });
  await field.fill(`${folder}/`);
  await field.press('Escape');
  await page.getByRole('textbox', { name: /^Image name and tag/ }).fill(tag);
  const box = page.getByRole('checkbox', { name: /--no-cache/ });
  if ((await box.isChecked()) !== noCache) await box.click();
  await page.getByTestId('build-context-size').waitFor();
}

/** Click Build -> the new build shown as `state` (timed in the page, as pull-overhead does). */
async function timedBuild(page: Page, state: string): Promise<number> {
  const done = page.evaluate(
    (want) =>
      new Promise<number>((resolve) => {
        const before = document.querySelectorAll('[data-testid="build-history-row"]').length;
        let clickedAt = 0;
        document.addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
        const check = (): void => {
          const rows = document.querySelectorAll<HTMLElement>('[data-testid="build-history-row"]');
          const shown = document.querySelector('.build-progress') as HTMLElement | null;
          // The new build (the newest row) is the one shown, in the state wanted.
          const newest = rows[0]?.dataset.build;
          if (clickedAt && rows.length > before && shown?.dataset.build === newest && shown?.dataset.state === want) {
            mo.disconnect();
            resolve(performance.now() - clickedAt);
          }
        };
        const mo = new MutationObserver(check);
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
    state,
  );
  await page.getByRole('button', { name: 'Build', exact: true }).last().click();
  return done;
}

/**
 * build_overhead_ratio: a 5-step Dockerfile, --no-cache, built from the Build view (click -> "Built"
 * shown) over `docker build --no-cache` of the same folder; alternating, medians of 3.
 * build_cancel_ms: Cancel clicked during `RUN sleep` -> the engine's build container gone.
 */
export const buildOverhead: Bench = async (ctx) => {
  const root = mkdtempSync(join(tmpdir(), 'wharf-bench-build-'));
  const app = join(root, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'Dockerfile'),
    `FROM ${BASE}\nWORKDIR /app\nCOPY a.txt .\nRUN echo built > b.txt\nCMD ["cat", "b.txt"]\n`,
  );
  writeFileSync(join(app, 'a.txt'), 'a');
  const tags = ['wharf-test-bench/build-cli:1', 'wharf-test-bench/build-ui:1'];
  const ui = await openBuild(ctx, join(root, 'data'));
  const cli: number[] = [];
  const wharf: number[] = [];
  let cancelMs = Number.NaN;
  try {
    await fillForm(ui.page, app, tags[1]!, true);
    for (let i = 0; i < 3; i++) {
      cli.push(await cliBuild(['--no-cache', '-q', '-t', tags[0]!, app]));
      wharf.push(await timedBuild(ui.page, 'done'));
    }
    // Cancel: a step that would run for minutes, cancelled once it runs.
    const slow = join(root, 'slow');
    mkdirSync(slow);
    const marker = 40_000 + Math.floor(Math.random() * 900);
    writeFileSync(join(slow, 'Dockerfile'), `FROM ${BASE}\nRUN sleep ${marker}\n`);
    await fillForm(ui.page, slow, 'wharf-test-bench/slow:1', true);
    await ui.page.getByRole('button', { name: 'Build', exact: true }).last().click();
    const running = async (): Promise<boolean> =>
      (await ctx.docker('ps', '--no-trunc', '--format', '{{.Command}}')).includes(`sleep ${marker}`);
    while (!(await running())) await new Promise((r) => setTimeout(r, 50));
    const t = performance.now();
    await ui.page.getByRole('button', { name: 'Cancel build' }).click();
    while (await running()) await new Promise((r) => setTimeout(r, 20));
    cancelMs = performance.now() - t;
  } finally {
    await ui.stop();
    for (const t of tags) await ctx.docker('image', 'rm', t).catch(() => '');
    rmSync(root, { recursive: true, force: true });
  }
  const w = percentile(wharf, 50);
  const d = percentile(cli, 50);
  ctx.log(
    `5-step build, no cache: Wharf ${wharf.map(Math.round).join(', ')} ms; docker build ${cli.map(Math.round).join(', ')} ms; cancel ${Math.round(cancelMs)} ms`,
  );
  return {
    build_overhead_ratio: round(w / d, 2),
    build_wharf_ms: round(w),
    build_docker_ms: round(d),
    build_cancel_ms: round(cancelMs),
  };
};

/**
 * build_context_ratio: a 300 MB folder (100 MB sent, a 200 MB node_modules in .dockerignore):
 * start -> the first build step reported, Wharf's backend (BuildManager, in this process) over
 * `docker build` printing "Step 1/"; medians of 3, alternating. build_context_rss_mb: this
 * process's resident memory growth while Wharf uploads (sampled every 20 ms).
 */
export const buildContext: Bench = async (ctx) => {
  const root = mkdtempSync(join(tmpdir(), 'wharf-bench-ctx-'));
  const app = join(root, 'app');
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  writeFileSync(join(app, 'Dockerfile'), `FROM ${BASE}\nCOPY data.bin /data.bin\n`);
  writeFileSync(join(app, '.dockerignore'), 'node_modules\n');
  const big = (path: string, mb: number): void => {
    writeFileSync(path, '');
    truncateSync(path, mb * 1024 * 1024);
  };
  big(join(app, 'node_modules', 'deps.bin'), 200);
  // Real bytes to read (not a sparse file): 100 MB of random data.
  await new Promise<void>((ok, fail) =>
    spawn('bash', ['-c', `head -c ${100 * 1024 * 1024} /dev/urandom > "${join(app, 'data.bin')}"`]).on('close', (c) =>
      c === 0 ? ok() : fail(new Error('no data')),
    ),
  );
  const { buildInput, BuildManager, BuildStore, localSession } = backendModules();
  const session: BackendSession = await localSession();
  let firstStep: (() => void) | null = null;
  const manager = new BuildManager({
    client: () => session.client(),
    target: 'bench',
    store: new BuildStore(join(root, 'data')),
    emit: (event: string, payload: unknown) => {
      if (event === 'build:output' && /Step 1\//.test((payload as { text: string }).text)) firstStep?.();
    },
  });
  const cli: number[] = [];
  const wharf: number[] = [];
  let rssGrowth = 0;
  try {
    for (let i = 0; i < 3; i++) {
      cli.push(await cliBuild(['-t', 'wharf-test-bench/ctx-cli:1', app], /Step 1\//));
      global.gc?.();
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const t = performance.now();
      const reached = new Promise<void>((ok) => (firstStep = ok));
      const started = await manager.start(buildInput.parse({ folder: app, tags: ['wharf-test-bench/ctx-ui:1'] }));
      await reached;
      wharf.push(performance.now() - t);
      await manager.wait(started.id);
      clearInterval(sampler);
      rssGrowth = Math.max(rssGrowth, peak - rss0);
    }
  } finally {
    await session.close();
    for (const t of ['wharf-test-bench/ctx-cli:1', 'wharf-test-bench/ctx-ui:1'])
      await ctx.docker('image', 'rm', t).catch(() => '');
    rmSync(root, { recursive: true, force: true });
  }
  const w = percentile(wharf, 50);
  const d = percentile(cli, 50);
  ctx.log(
    `300 MB context to first step: Wharf ${wharf.map(Math.round).join(', ')} ms; docker build ${cli.map(Math.round).join(', ')} ms; RSS growth ${(rssGrowth / 2 ** 20).toFixed(1)} MiB`,
  );
  return {
    build_context_ratio: round(w / d, 2),
    build_context_wharf_ms: round(w),
    build_context_docker_ms: round(d),
    build_context_rss_mb: round(rssGrowth / 2 ** 20),
  };
};
