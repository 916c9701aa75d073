import { medianMs, percentile, round, type Bench } from './types';

/**
 * web_cold_start_ms: from spawning `wharf web` to the containers list visible in Chromium.
 * Reference: `docker container ls -a` on the same engine (process start + one list call).
 */
export const coldStart: Bench = async (ctx) => {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await ctx.browser.newPage();
    const t0 = performance.now();
    const wharf = await ctx.startWharfWeb();
    try {
      await page.goto(wharf.url);
      await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
      await page.getByTestId('containers-count').waitFor();
      runs.push(performance.now() - t0);
    } finally {
      await page.close();
      await wharf.stop();
    }
  }
  const reference = await medianMs(5, () => ctx.docker('container', 'ls', '-a'));
  const ms = percentile(runs, 50);
  ctx.log(
    `cold start runs: ${runs.map((r) => Math.round(r)).join(', ')} ms; docker container ls -a: ${round(reference)} ms`,
  );
  return { web_cold_start_ms: round(ms), web_cold_start_ratio_vs_docker_ls: round(ms / reference, 2) };
};
