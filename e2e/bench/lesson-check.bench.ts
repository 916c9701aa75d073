import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchEngineEvents } from './engine-events';
import { percentile, round, type Bench } from './types';

const N = 30;
const NAME = 'learn-hello';

/**
 * lesson_check_ms_p95: the lesson "Image and container" waits at its step "Run a container"; the
 * docker CLI creates learn-hello; measured from the engine's own event time (timeNano) to the
 * step shown done (a MutationObserver on its data-state), 30 times ("Start over" between).
 * Reference: a bare /events subscriber reading the same create event.
 */
export const lessonCheck: Bench = async (ctx) => {
  const config = mkdtempSync(join(tmpdir(), 'wharf-bench-learn-'));
  await ctx.docker('rm', '-f', NAME).catch(() => '');
  const events = watchEngineEvents();
  const wharf = await ctx.startWharfWeb({ env: { WHARF_CONFIG_DIR: config } });
  const page = await ctx.browser.newPage();
  const ui: number[] = [];
  const ref: number[] = [];
  try {
    await page.goto(wharf.url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Learn', exact: true }).click();
    await page.getByTestId('lesson-card-image-container').getByRole('button').click();
    await page.getByRole('combobox', { name: 'Image for this lesson' }).fill('wharf-fixture/busybox:1');
    await page.getByRole('button', { name: 'Use this image' }).click();
    const step = page.getByTestId('learn-step-run');
    for (let i = 0; i < N; i++) {
      await step.and(page.locator('[data-state="active"]')).waitFor();
      const seen = page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const done = (): boolean => {
              if (!document.querySelector('[data-testid="learn-step-run"][data-state="done"]')) return false;
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
      );
      const id = await ctx.docker('create', '--name', NAME, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1');
      const shownMs = await seen;
      const ev = events.seen.find((e) => e.id === id && e.action === 'create');
      if (!ev) throw new Error(`no create event seen for ${NAME}`);
      ui.push(shownMs - ev.engineMs);
      ref.push(ev.receivedMs - ev.engineMs);
      await ctx.docker('rm', NAME);
      await page.getByRole('button', { name: 'Start over' }).click();
    }
  } finally {
    events.close();
    await page.close();
    await wharf.stop();
    await ctx.docker('rm', '-f', NAME).catch(() => '');
    rmSync(config, { recursive: true, force: true });
  }
  const p95 = percentile(ui, 95);
  ctx.log(
    `step shown done p50 ${round(percentile(ui, 50))} ms, p95 ${round(p95)} ms; bare /events p95 ${round(percentile(ref, 95), 2)} ms`,
  );
  return {
    lesson_check_ms_p95: round(p95),
    lesson_check_ms_p50: round(percentile(ui, 50)),
    lesson_check_raw_events_ms_p95: round(percentile(ref, 95), 2),
  };
};
