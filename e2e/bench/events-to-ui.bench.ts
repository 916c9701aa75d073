import { watchEngineEvents } from './engine-events';
import { percentile, round, type Bench } from './types';

const N = 50;

/**
 * events_to_ui_ms_p95: a container started with the docker CLI is shown as running in the page.
 * Measured from the engine's own event time (timeNano) to the DOM change seen by a
 * MutationObserver, 50 starts. Reference: a bare /events subscriber reading the same events.
 */
export const eventsToUi: Bench = async (ctx) => {
  const names = Array.from({ length: N }, (_, i) => `bench-ev-${process.pid}-${i}`);
  for (const n of names)
    await ctx.docker('create', '--name', n, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1', 'sleep', '600');
  const events = watchEngineEvents();
  const wharf = await ctx.startWharfWeb();
  const page = await ctx.browser.newPage();
  const ui: number[] = [];
  const ref: number[] = [];
  try {
    await page.goto(wharf.url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    const search = page.getByRole('searchbox', { name: 'Search by name or image' });
    for (const n of names) {
      await search.fill(n);
      await page.locator(`[data-testid="container-row"][data-name="${n}"][data-state="created"]`).waitFor();
      const seen = page.evaluate(
        (name) =>
          new Promise<number>((resolve) => {
            const done = (): boolean => {
              if (!document.querySelector(`[data-testid="container-row"][data-name="${name}"][data-state="running"]`))
                return false;
              resolve(performance.timeOrigin + performance.now());
              return true;
            };
            if (done()) return;
            const mo = new MutationObserver(() => done() && mo.disconnect());
            mo.observe(document.body, {
              subtree: true,
              childList: true,
              attributes: true,
              attributeFilter: ['data-state'],
            });
          }),
        n,
      );
      const id = await ctx.docker('start', n).then(() => ctx.docker('inspect', '--format', '{{.Id}}', n));
      const shownMs = await seen;
      const ev = events.seen.find((e) => e.id === id && e.action === 'start');
      if (!ev) throw new Error(`no start event seen for ${n}`);
      ui.push(shownMs - ev.engineMs);
      ref.push(ev.receivedMs - ev.engineMs);
    }
  } finally {
    events.close();
    await page.close();
    await wharf.stop();
    await ctx.docker('rm', '-f', ...names).catch(() => '');
  }
  const p95 = percentile(ui, 95);
  ctx.log(
    `UI p50 ${round(percentile(ui, 50))} ms, p95 ${round(p95)} ms; bare /events subscriber p95 ${round(percentile(ref, 95), 2)} ms`,
  );
  return {
    events_to_ui_ms_p95: round(p95),
    events_to_ui_ms_p50: round(percentile(ui, 50)),
    events_raw_subscriber_ms_p95: round(percentile(ref, 95), 2),
  };
};
