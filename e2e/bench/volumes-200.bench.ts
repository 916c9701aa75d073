// volumes_200_first_paint_ms: with 200 volumes on the engine (one holding 200 MB, so the disk-usage
// call has work to do), the time from clicking Volumes to all 200 rows counted and painted, and
// whether the sizes were still loading at that moment (they must not hold the list back).
import { round, type Bench } from './types';

const N = 200;

export const volumes200: Bench = async (ctx) => {
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const names = Array.from({ length: N }, (_, i) => `bench-vol-${tag}-${i}`);
  ctx.log(`creating ${N} volumes…`);
  for (let i = 0; i < N; i += 8)
    await Promise.all(names.slice(i, i + 8).map((n) => ctx.docker('volume', 'create', '--label', 'wharf.test=1', n)));
  await ctx.docker(
    'run',
    '--rm',
    '--label',
    'wharf.test=1',
    '-v',
    `${names[0]}:/d`,
    'wharf-fixture/busybox:1',
    'sh',
    '-c',
    'i=0; while [ $i -lt 2000 ]; do head -c 102400 /dev/zero > /d/f$i; i=$((i+1)); done',
  );
  const wharf = await ctx.startWharfWeb();
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(wharf.url);
    await page.getByTestId('engine-state').and(page.locator('[data-state="ready"]')).waitFor();
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).click();
    const r = await page.evaluate(
      (n) =>
        new Promise<{ at: number; sizesPending: boolean }>((resolve) => {
          const check = (): void => {
            const count = document.querySelector('[data-testid="volumes-count"]')?.textContent ?? '';
            const total = Number(/(\d+) volumes/.exec(count)?.[1] ?? 0);
            if (total >= n && document.querySelector('[data-testid="volume-row"]'))
              requestAnimationFrame(() =>
                resolve({
                  at: performance.now(),
                  sizesPending: [...document.querySelectorAll('[data-testid="volume-size"]')].some(
                    (e) => e.textContent === '…',
                  ),
                }),
              );
            else requestAnimationFrame(check);
          };
          check();
        }),
      N,
    );
    const t1 = await page.evaluate(() => performance.now());
    await page.locator('[data-testid="volume-size"]').filter({ hasText: /B$/ }).first().waitFor({ timeout: 60_000 });
    const sizesAt = (await page.evaluate(() => performance.now())) - t0;
    ctx.log(
      `painted ${round(r.at - t0)} ms after the click (sizes pending then: ${r.sizesPending}); sizes shown by ${round(sizesAt)} ms (polled until ${round(t1 - t0)})`,
    );
    return {
      volumes_200_first_paint_ms: round(r.at - t0),
      volumes_200_sizes_ms: round(sizesAt),
    };
  } finally {
    await page.close();
    await wharf.stop();
    for (let i = 0; i < N; i += 50) await ctx.docker('volume', 'rm', '-f', ...names.slice(i, i + 50)).catch(() => '');
  }
};
