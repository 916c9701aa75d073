import { medianMs, percentile, round, type Bench, type BenchContext } from './types';

const NETWORKS = 50;
const PER_NETWORK = 4; // 200 running containers, each attached (an endpoint with its IP and MAC)
const ROUNDS = 5;

async function pool(n: number, width: number, f: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await f(next++);
    }),
  );
}

const netName = (tag: string, i: number): string => `bench-net-${tag}-${i}`;

async function setUp(ctx: BenchContext, tag: string): Promise<void> {
  ctx.log(`creating ${NETWORKS} networks and ${NETWORKS * PER_NETWORK} running containers…`);
  // Explicit /24s: the engine's default pools hold about 30 networks.
  await pool(NETWORKS, 4, (i) =>
    ctx.docker(
      'network',
      'create',
      '--label',
      'wharf.test=1',
      '--label',
      `wharf.bench=${tag}`,
      '--subnet',
      `10.180.${i}.0/24`,
      netName(tag, i),
    ),
  );
  await pool(NETWORKS * PER_NETWORK, 4, (i) =>
    ctx.docker(
      'run',
      '-d',
      '--name',
      `bench-net-${tag}-c${i}`,
      '--label',
      'wharf.test=1',
      '--label',
      `wharf.bench=${tag}`,
      '--network',
      netName(tag, i % NETWORKS),
      'wharf-fixture/busybox:1',
      'sleep',
      '3600',
    ),
  );
}

async function tearDown(ctx: BenchContext, tag: string): Promise<void> {
  const ids = (await ctx.docker('ps', '-aq', '--filter', `label=wharf.bench=${tag}`)).split('\n').filter(Boolean);
  for (let i = 0; i < ids.length; i += 50) await ctx.docker('rm', '-f', ...ids.slice(i, i + 50)).catch(() => '');
  const nets = Array.from({ length: NETWORKS }, (_, i) => netName(tag, i));
  for (let i = 0; i < nets.length; i += 25) await ctx.docker('network', 'rm', ...nets.slice(i, i + 25)).catch(() => '');
}

/**
 * networks_first_paint_ms: with 50 networks and 200 running containers attached to them, the time
 * from the click on "Networks" (the view's code loads on first open) to every row painted with its
 * containers counted (next animation frame); median of 5 fresh pages. Also: the listing's own
 * time in the backend (window opened -> the networks count shows 50, minus nothing: reported
 * beside), and `docker network ls` + `docker network inspect` of all as the CLI's reference.
 */
export const networksBench: Bench = async (ctx) => {
  const tag = String(process.pid);
  await setUp(ctx, tag);
  const wharf = await ctx.startWharfWeb();
  const paints: number[] = [];
  try {
    for (let r = 0; r < ROUNDS; r++) {
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(wharf.url);
        await page.getByTestId('engine-state').and(page.locator('[data-state="ready"]')).waitFor();
        // Let the start-up listing arrive first: this measures the view, not the engine.
        await page.waitForTimeout(1500);
        const t0 = await page.evaluate(() => performance.now());
        await page.getByRole('navigation').getByRole('button', { name: 'Networks', exact: true }).click();
        const paintAt = await page.evaluate(
          ({ n, tag: t }) =>
            new Promise<number>((resolve) => {
              const check = (): void => {
                const rows = document.querySelectorAll(`[data-testid="network-row"][data-name^="bench-net-${t}-"]`);
                const full = [...rows].filter(
                  (r) => r.querySelector('[data-testid="network-containers"]')?.textContent === '4',
                );
                if (full.length >= n) requestAnimationFrame(() => resolve(performance.now()));
                else requestAnimationFrame(check);
              };
              check();
            }),
          { n: NETWORKS, tag },
        );
        paints.push(paintAt - t0);
      } finally {
        await page.close();
      }
    }
    const names = (await ctx.docker('network', 'ls', '-q')).split('\n').filter(Boolean);
    const cliLs = await medianMs(3, () => ctx.docker('network', 'ls'));
    const cliInspect = await medianMs(3, () => ctx.docker('network', 'inspect', ...names));
    const first = round(percentile(paints, 50));
    ctx.log(
      `first paint median ${first} ms (rounds: ${paints.map((p) => round(p)).join(', ')}); docker network ls ${round(cliLs)} ms; docker network inspect (all ${names.length}) ${round(cliInspect)} ms`,
    );
    return {
      networks_first_paint_ms: first,
      networks_first_paint_ms_max: round(Math.max(...paints)),
      networks_cli_ls_ms: round(cliLs),
      networks_cli_inspect_all_ms: round(cliInspect),
    };
  } finally {
    await wharf.stop();
    await tearDown(ctx, tag);
  }
};
