// Issue 14, the short path, in Chromium against the real engine and registry: from the first window
// to a container answering in the browser, for an image the engine does not have, counting every
// click and keystroke. Prints first_container_clicks=N (goal: at most 5 plus the image name).
import { expect } from '@playwright/test';
import { readRegistryState } from '../../scripts/setup/registry-state';
import { FirstContainerPath } from '../pages/first-container';
import { docker, uniqueName } from '../support/docker';
import { freePort } from '../support/wharf-web';
import { testWithRegistries } from '../support/registries-fixture';

const OPEN = readRegistryState().WHARF_REGISTRY;
const test = testWithRegistries([{ host: OPEN }]);

test('search, Run, Run, open: a new image answers in the browser in at most 5 clicks', async ({ app, page }) => {
  // A fixture pushed under a new name (EXPOSE of a free port), so the engine has never seen it.
  const port = await freePort();
  const repo = `${OPEN}/wharf/${uniqueName('e2e-first').toLowerCase()}`;
  const base = 'wharf-fixture/busybox:1'; // no EXPOSE of its own
  const made = await docker('create', '--label', 'wharf.test=1', base);
  await docker(
    'commit',
    '--change',
    `EXPOSE ${port}/tcp`,
    '--change',
    `CMD ["sh","-c","mkdir -p /www && echo wharf fixture > /www/index.html && exec httpd -f -p ${port} -h /www"]`,
    made,
    `${repo}:latest`,
  );
  await docker('rm', made);
  await docker('push', `${repo}:latest`);
  await docker('rmi', `${repo}:latest`);
  let name = '';
  try {
    const path = new FirstContainerPath(page);
    await path.searchAndRun(`Registry ${OPEN}`, repo);
    await path.runWhenReady(repo, port);
    name = await docker('ps', '--filter', `ancestor=${repo}`, '--format', '{{.Names}}');
    expect(name).not.toBe('');
    const opened = await path.openPort(name, port);
    await expect(opened.locator('body')).toContainText('wharf fixture', { timeout: 15_000 });
    console.log(`first_container_clicks=${path.clicks} first_container_keys=${path.keys}`);
    expect(path.clicks).toBeLessThanOrEqual(5);
    void app;
  } finally {
    if (name) await docker('rm', '-f', name).catch(() => undefined);
    await docker('rmi', '-f', `${repo}:latest`).catch(() => undefined);
  }
});
