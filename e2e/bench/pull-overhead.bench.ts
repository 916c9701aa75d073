import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { percentile, round, type Bench } from './types';
import { readRegistryState } from '../../scripts/setup/registry-state';

const ROOT = resolve(__dirname, '../..');
const REPO = 'wharf/bench50';

/** A ~50 MB single-layer image of random data, built offline (docker import) and pushed once. */
function ensureImage(registry: string): string {
  const ref = `${registry}/${REPO}:1`;
  try {
    execFileSync('curl', [
      '-sf',
      '-o',
      '/dev/null',
      '-H',
      'Accept: application/vnd.docker.distribution.manifest.v2+json',
      `http://${registry}/v2/${REPO}/manifests/1`,
    ]);
    return ref;
  } catch {
    // Not pushed yet.
  }
  const dir = mkdtempSync(join(tmpdir(), 'wharf-bench50-'));
  try {
    execFileSync('bash', [
      '-c',
      `mkdir -p "${dir}/root" && head -c 50000000 /dev/urandom >"${dir}/root/data.bin" && tar -C "${dir}/root" -cf "${dir}/root.tar" . && docker import "${dir}/root.tar" ${ref} >/dev/null && docker push ${ref} >/dev/null && docker rmi ${ref} >/dev/null`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return ref;
}

/**
 * pull_overhead_ratio: a 50 MB pull through Wharf (click Pull in Chromium -> "done" shown) over
 * `docker pull` of the same image from the same local registry; the image is removed before
 * every run, runs alternate, medians of 3. Wharf's time is taken in the page, from the click event
 * to the finished pull rendered.
 */
export const pullOverhead: Bench = async (ctx) => {
  execFileSync('bash', [join(ROOT, 'scripts/setup/start-registry.sh')]);
  const env = readRegistryState();
  const registry = env.WHARF_REGISTRY!;
  const ref = ensureImage(registry);
  const remove = (): Promise<string> => ctx.docker('rmi', ref).catch(() => '');
  const dir = mkdtempSync(join(tmpdir(), 'wharf-bench-reg-'));
  writeFileSync(join(dir, 'registries.json'), JSON.stringify({ registries: [{ host: registry }] }), { mode: 0o600 });
  const wharf = await ctx.startWharfWeb({ env: { WHARF_CONFIG_DIR: dir } });
  const page = await ctx.browser.newPage();
  const cli: number[] = [];
  const ui: number[] = [];
  try {
    await page.goto(wharf.url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    for (let i = 0; i < 3; i++) {
      await remove();
      const t = performance.now();
      await ctx.docker('pull', '-q', ref);
      cli.push(performance.now() - t);
      await remove();
      await page.keyboard.press('Control+K');
      const box = page.getByRole('dialog', { name: 'Search images' });
      await box.getByRole('searchbox').fill('bench50');
      await box.getByRole('button', { name: new RegExp(`^${registry}/${REPO}`) }).click();
      await box.getByRole('combobox', { name: 'Tag' }).fill('1');
      const pull = box.getByRole('button', { name: /^Pull / });
      await pull.waitFor();
      // Timed inside the page (click event -> "done" rendered, seen by a MutationObserver):
      // Playwright's own waitFor polls at up to 500 ms intervals and would add that to Wharf's time.
      const done = page.evaluate(
        (r) =>
          new Promise<number>((resolve) => {
            let clickedAt = 0;
            document.addEventListener(
              'click',
              () => {
                clickedAt = performance.now();
              },
              { capture: true, once: true },
            );
            const mo = new MutationObserver(() => {
              if (clickedAt && document.querySelector(`article[aria-label="${r}"][data-state="done"]`)) {
                mo.disconnect();
                resolve(performance.now() - clickedAt);
              }
            });
            mo.observe(document.body, {
              subtree: true,
              childList: true,
              attributes: true,
              attributeFilter: ['data-state'],
            });
          }),
        ref,
      );
      await pull.click();
      ui.push(await done);
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
      await page.keyboard.press('Escape');
    }
  } finally {
    await page.close();
    await wharf.stop();
    await remove();
  }
  const w = percentile(ui, 50);
  const d = percentile(cli, 50);
  ctx.log(`pull 50 MB: Wharf ${ui.map(Math.round).join(', ')} ms; docker pull ${cli.map(Math.round).join(', ')} ms`);
  return { pull_overhead_ratio: round(w / d, 2), pull_wharf_ms: round(w), pull_docker_ms: round(d) };
};
