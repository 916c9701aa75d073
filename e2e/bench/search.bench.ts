import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegistryState } from '../../scripts/setup/registry-state';
import { medianMs, percentile, round, type Bench, type BenchContext } from './types';

const LOCAL = 500;
const REPOS = 1000;
const TERMS = [
  'search-17',
  'search-203',
  'search-42',
  'search-399',
  'search-7',
  'search-250',
  'search-88',
  'search-311',
  'search-9',
  'search-160',
];

async function pool(n: number, width: number, f: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await f(next++);
    }),
  );
}

/** 1,000 repositories in the test registry's storage (what its catalog walks), none pushed. */
function makeRepos(root: string, tag: string): string {
  const dir = join(root, `bench${tag}`);
  for (let i = 0; i < REPOS; i++) mkdirSync(join(dir, `search-${i}`, '_layers'), { recursive: true });
  return dir;
}

async function localTags(ctx: BenchContext, tag: string, remove = false): Promise<void> {
  const refs = Array.from({ length: LOCAL }, (_, i) => `bench${tag}/search-${i}:1`);
  if (remove) {
    for (let i = 0; i < refs.length; i += 200) await ctx.docker('rmi', ...refs.slice(i, i + 200)).catch(() => '');
    return;
  }
  await pool(LOCAL, 6, (i) => ctx.docker('tag', 'wharf-fixture/busybox:1', refs[i] as string));
}

/**
 * search_first_results_ms: with 500 local image tags and a registry of 1,000 repositories, the
 * time from the last keystroke in the search box to both the local and the registry results for
 * that term shown (timed in the page). Reference: one `GET /v2/_catalog?n=1000` from Node.
 */
export const searchFirstResults: Bench = async (ctx) => {
  const reg = readRegistryState();
  const tag = String(process.pid);
  const storage = join(process.env.WHARF_REGISTRY_DIR ?? '/tmp/wharf-registry', 'data/docker/registry/v2/repositories');
  const repos = makeRepos(storage, tag);
  await localTags(ctx, tag);
  const config = mkdtempSync(join(tmpdir(), 'wharf-bench-search-'));
  writeFileSync(join(config, 'registries.json'), JSON.stringify({ registries: [{ host: reg.WHARF_REGISTRY }] }), {
    mode: 0o600,
  });
  const wharf = await ctx.startWharfWeb({ env: { WHARF_CONFIG_DIR: config } });
  const page = await ctx.browser.newPage();
  const times: number[] = [];
  try {
    await page.goto(wharf.url);
    await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor();
    await page.keyboard.press('Control+K');
    const box = page.getByRole('dialog', { name: 'Search images' }).getByRole('searchbox');
    await box.waitFor();
    for (const [i, term] of TERMS.entries()) {
      const full = `bench${tag}/${term}`;
      const shown = page.evaluate(
        ({ full, local, host }) =>
          new Promise<number>((resolve) => {
            let typedAt = 0;
            const input = document.querySelector('[role="dialog"] input[type="search"]') as HTMLInputElement;
            input.addEventListener('input', () => {
              typedAt = performance.now();
            });
            const check = (): void => {
              if (!typedAt || input.value !== full) return;
              const l = document.querySelector('section[data-source="local"]')?.textContent ?? '';
              const r = document.querySelector(`section[data-source="${host}"]`)?.textContent ?? '';
              if (l.includes(local) && r.includes(full)) {
                mo.disconnect();
                resolve(performance.now() - typedAt);
              }
            };
            const mo = new MutationObserver(check);
            mo.observe(document.body, { subtree: true, childList: true, characterData: true });
          }),
        { full, local: `${full}:1`, host: reg.WHARF_REGISTRY },
      );
      await box.fill('');
      await box.pressSequentially(full, { delay: 30 });
      const ms = await shown;
      if (i > 0)
        times.push(ms); // the first search also loads the catalog: reported apart
      else ctx.log(`first search (catalog not cached yet): ${round(ms)} ms`);
    }
  } finally {
    await page.close();
    await wharf.stop();
    rmSync(config, { recursive: true, force: true });
    rmSync(repos, { recursive: true, force: true });
    await localTags(ctx, tag, true);
  }
  const reference = await medianMs(5, () =>
    fetch(`http://${reg.WHARF_REGISTRY}/v2/_catalog?n=1000`).then((r) => r.text()),
  );
  ctx.log(
    `last keystroke -> local + registry results: ${times.map((t) => Math.round(t)).join(', ')} ms; one _catalog request ${round(reference)} ms`,
  );
  return {
    search_first_results_ms: round(percentile(times, 50)),
    search_first_results_ms_p95: round(percentile(times, 95)),
    search_catalog_request_ms: round(reference),
  };
};
