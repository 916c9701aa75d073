import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { SearchBox } from '../pages/search-box';
import { WharfApp } from '../pages/wharf-app';
import { startWharfWeb, type WharfWeb } from './wharf-web';

export interface RegistryEntry {
  host: string;
  username?: string;
  secret?: string;
}

/** Fixtures for a `wharf web` whose settings folder already lists these registries (0600). */
export function testWithRegistries(registries: RegistryEntry[]) {
  return base.extend<{ app: WharfApp; search: SearchBox }, { wharf: WharfWeb }>({
    wharf: [
      async ({}, use) => {
        const dir = mkdtempSync(join(tmpdir(), 'wharf-e2e-reg-'));
        writeFileSync(join(dir, 'registries.json'), JSON.stringify({ registries }), { mode: 0o600 });
        const w = await startWharfWeb({ env: { WHARF_CONFIG_DIR: dir } });
        await use(w);
        await w.stop();
      },
      { scope: 'worker' },
    ],
    app: async ({ page, wharf }, use) => {
      const app = new WharfApp(page);
      await app.open(wharf.url);
      await use(app);
    },
    search: async ({ app }, use) => use(new SearchBox(app.page)),
  });
}
