import { sshdChildren } from '../support/sshd';
import { sleep, startSshWharf } from './ssh-support';
import { percentile, round, type Bench } from './types';

/**
 * reconnect_ms: from the SSH link being cut (the sshd child serving Wharf killed) to the page
 * showing the engine `ready` again (link back, events re-opened, lists resynced). 10 cuts.
 */
export const reconnect: Bench = async (ctx) => {
  const wharf = await startSshWharf(ctx);
  const page = await ctx.browser.newPage();
  try {
    await page.goto(wharf.url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid=engine-state]') as HTMLElement;
      const log: { state: string; at: number }[] = [];
      (window as unknown as { states: typeof log }).states = log;
      new MutationObserver(() => log.push({ state: el.dataset.state ?? '', at: Date.now() })).observe(el, {
        attributes: true,
        attributeFilter: ['data-state'],
      });
    });
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => ((window as unknown as { states: unknown[] }).states.length = 0));
      const cutAt = Date.now();
      for (const pid of sshdChildren()) process.kill(pid, 'SIGKILL');
      let back = 0;
      for (let w = 0; w < 1500 && !back; w++) {
        const log = await page.evaluate(
          () => (window as unknown as { states: { state: string; at: number }[] }).states,
        );
        const lost = log.findIndex((s) => s.state !== 'ready');
        const ready = lost >= 0 ? log.slice(lost).find((s) => s.state === 'ready') : undefined;
        if (ready) back = ready.at;
        else await sleep(10);
      }
      if (!back) throw new Error(`cut ${i}: not ready again within 15 s`);
      times.push(back - cutAt);
      await sleep(300);
    }
    ctx.log(`cut -> ready: ${times.join(', ')} ms`);
    return { reconnect_ms: round(percentile(times, 50)), reconnect_ms_max: round(Math.max(...times)) };
  } finally {
    await page.close();
    await wharf.stop();
  }
};
