import { test as base } from '@playwright/test';
import { WharfApp } from '../pages/wharf-app';
import { sshWharfOptions } from './sshd';
import { startWharfWeb, type WharfWeb } from './wharf-web';

/**
 * `wharf`: one `wharf web` process per test file (worker), against the real engine: the local
 * socket, or the same dockerd through the test sshd when the project's metadata says engine: 'ssh'.
 * `app`: a fresh page on it, with the UI loaded and the engine answering.
 */
export const test = base.extend<{ app: WharfApp }, { wharf: WharfWeb }>({
  wharf: [
    async ({}, use, workerInfo) => {
      const w = await startWharfWeb(workerInfo.project.metadata?.engine === 'ssh' ? sshWharfOptions() : {});
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
});

export { expect } from '@playwright/test';
