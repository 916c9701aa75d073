import { percentile, round, type Bench } from './types';

const N = 9;
const IMAGE = 'wharf-fixture/httpd:1';
const CLI_PORT = 5008;
const UI_PORT = 5009;

/** Resolves with the ms from t0 until http://127.0.0.1:port answers 200 (polled every 10 ms from t0). */
async function answeredAfter(port: number, t0: number): Promise<number> {
  const end = t0 + 30_000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      await r.text();
      if (r.ok) return performance.now() - t0;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > end) throw new Error(`port ${port} never answered`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * run_overhead_ratio: click "Run" in the run dialog until the port answers, divided by
 * `docker run -d -p` until the port answers; same image, same engine, alternating, medians of 9.
 * Both are polled the same way from the moment of the click / the command.
 */
export const runOverhead: Bench = async (ctx) => {
  const wharf = await ctx.startWharfWeb();
  const page = await ctx.browser.newPage();
  const ui: number[] = [];
  const cli: number[] = [];
  const made: string[] = [];
  try {
    await page.goto(wharf.url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    for (let i = 0; i < N; i++) {
      const c = `bench-run-cli-${process.pid}-${i}`;
      made.push(c);
      let t0 = performance.now();
      const cliAnswer = answeredAfter(CLI_PORT, t0);
      await ctx.docker('run', '-d', '--name', c, '--label', 'wharf.test=1', '-p', `127.0.0.1:${CLI_PORT}:80`, IMAGE);
      cli.push(await cliAnswer);
      await ctx.docker('rm', '-f', c);

      const u = `bench-run-ui-${process.pid}-${i}`;
      made.push(u);
      await page.getByRole('navigation').getByRole('button', { name: 'Images', exact: true }).click();
      await page.getByRole('button', { name: `Run ${IMAGE}`, exact: true }).click();
      const dialog = page.getByRole('dialog');
      // The engine-host port check is done when the dialog opens, before the user clicks Run.
      await dialog.getByTestId('port-check').filter({ hasText: "were checked on the engine's host" }).waitFor();
      await dialog.getByRole('textbox', { name: /^Container name/ }).fill(u);
      await dialog.getByRole('textbox', { name: /^Host port 1( |$)/ }).fill(String(UI_PORT));
      t0 = performance.now();
      await dialog.getByRole('button', { name: 'Run', exact: true }).click();
      ui.push(await answeredAfter(UI_PORT, t0));
      await dialog.waitFor({ state: 'hidden' });
      await ctx.docker('rm', '-f', u);
    }
  } finally {
    await page.close();
    await wharf.stop();
    await ctx.docker('rm', '-f', ...made).catch(() => '');
  }
  const uiP50 = percentile(ui, 50);
  const cliP50 = percentile(cli, 50);
  ctx.log(`Run click -> port answers p50 ${round(uiP50)} ms; docker run -d -p -> port answers p50 ${round(cliP50)} ms`);
  return {
    run_overhead_ratio: round(uiP50 / cliP50, 2),
    run_ui_to_port_ms_p50: round(uiP50),
    run_cli_to_port_ms_p50: round(cliP50),
  };
};
