import { percentile, round, type Bench, type BenchContext } from './types';

const N = 1000;

async function pool(n: number, width: number, f: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await f(next++);
    }),
  );
}

/** Runs in the page before the app: notes when the first container listing arrives on the socket
 *  (the `containers:list` result, or a `containers:changed` reset: both carry rows with statusAt). */
function recordResetArrival(): void {
  const Native = window.WebSocket;
  class Recording extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (ev) => {
        const w = window as unknown as { __resetAt?: number };
        if (
          w.__resetAt === undefined &&
          typeof ev.data === 'string' &&
          ev.data.includes('"statusAt"') &&
          (ev.data.includes('"type":"result"') || ev.data.includes('"kind":"reset"'))
        ) {
          w.__resetAt = performance.now();
        }
      });
    }
  }
  window.WebSocket = Recording;
}

async function setUp(ctx: BenchContext, tag: string): Promise<void> {
  ctx.log(`creating ${N} containers and ${N} image tags…`);
  await pool(N, 6, (i) =>
    ctx.docker(
      'create',
      '--name',
      `bench-list-${tag}-${i}`,
      '--label',
      'wharf.test=1',
      '--label',
      `wharf.bench=${tag}`,
      'wharf-fixture/busybox:1',
    ),
  );
  await pool(N, 6, (i) => ctx.docker('tag', 'wharf-fixture/busybox:1', `wharf-test/bench-${tag}-${i}:1`));
}

async function tearDown(ctx: BenchContext, tag: string): Promise<void> {
  const ids = (await ctx.docker('ps', '-aq', '--filter', `label=wharf.bench=${tag}`)).split('\n').filter(Boolean);
  for (let i = 0; i < ids.length; i += 200) await ctx.docker('rm', '-f', ...ids.slice(i, i + 200));
  const refs = Array.from({ length: N }, (_, i) => `wharf-test/bench-${tag}-${i}:1`);
  for (let i = 0; i < refs.length; i += 200) await ctx.docker('rmi', ...refs.slice(i, i + 200)).catch(() => '');
}

/**
 * list_1000_first_paint_ms: with 1,000 containers and 1,000 image tags on the engine, the time from
 * the containers listing arriving on the WebSocket to the rows painted (next animation frame).
 * Also: the images view painted after a click, and frame times while scrolling the containers list.
 */
export const list1000: Bench = async (ctx) => {
  const tag = String(process.pid);
  await setUp(ctx, tag);
  const wharf = await ctx.startWharfWeb();
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(recordResetArrival);
    await page.goto(wharf.url);
    const paintAt = await page.evaluate(
      (n) =>
        new Promise<number>((resolve) => {
          const check = (): void => {
            const count = document.querySelector('[data-testid="containers-count"]')?.textContent ?? '';
            const total = Number(/of (\d+)/.exec(count)?.[1] ?? 0);
            if (total >= n && document.querySelector('[data-testid="container-row"]'))
              requestAnimationFrame(() => resolve(performance.now()));
            else requestAnimationFrame(check);
          };
          check();
        }),
      N,
    );
    const resetAt = await page.evaluate(() => (window as unknown as { __resetAt?: number }).__resetAt ?? Number.NaN);
    const firstPaint = paintAt - resetAt;

    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const el = document.querySelector('[data-testid="container-scroll"]') as HTMLElement;
          const times: number[] = [];
          let last = performance.now();
          let step = 0;
          const tick = (): void => {
            const now = performance.now();
            times.push(now - last);
            last = now;
            el.scrollTop += 440;
            if (++step < 120) requestAnimationFrame(tick);
            else resolve(times.slice(1));
          };
          requestAnimationFrame(tick);
        }),
    );

    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('navigation').getByRole('button', { name: 'Images', exact: true }).click();
    await page.getByTestId('image-row').first().waitFor();
    const imagesPaint =
      (await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))))) - t0;
    const rows = await page
      .getByTestId('container-row')
      .count()
      .catch(() => 0);
    ctx.log(
      `first paint ${round(firstPaint)} ms; images view ${round(imagesPaint)} ms; scroll frames p95 ${round(percentile(frames, 95))} ms; rows in DOM after switching views: ${rows}`,
    );
    return {
      list_1000_first_paint_ms: round(firstPaint),
      list_1000_images_view_ms: round(imagesPaint),
      list_1000_scroll_frame_ms_p95: round(percentile(frames, 95)),
    };
  } finally {
    await page.close();
    await wharf.stop();
    await tearDown(ctx, tag);
  }
};
