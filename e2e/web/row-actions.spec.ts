// Issue 14, item 7, in Chromium against the real engine: with the details panel open (summary, and
// the wider Logs tab), every action of a container's row stays on screen and clickable at every
// window width from 1024 px.
import { expect } from '@playwright/test';
import { runFixture, trackedNames } from '../support/docker';
import { test } from '../support/fixtures';
import { isOnTop, LAPTOPS } from '../support/layout';

const names = trackedNames();
test.afterEach(() => names.cleanup());

const SIZES = [{ width: 1024, height: 768 }, ...LAPTOPS, { width: 1400, height: 900 }];

for (const size of SIZES) {
  test(`row actions stay reachable with the details panel open (${size.width}x${size.height})`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(size);
    const name = names.named('wharf-e2e-row-actions-with-a-long-name');
    await runFixture(name, '-p', '127.0.0.1::80', 'wharf-fixture/httpd:1');
    const list = app.containers;
    await list.show(name);
    await list.expectState(name, 'running');
    const panel = await list.openDetails(name);
    for (const tab of ['Summary', 'Logs']) {
      await panel.getByRole('tab', { name: tab, exact: true }).click();
      for (const action of ['Stop', 'Restart', 'Pause', 'Remove'] as const) {
        const button = list.action(name, action);
        await expect(button).toBeVisible();
        expect(await isOnTop(button), `${action} on top with ${tab} open`).toBe(true);
      }
      expect(await isOnTop(list.row(name).getByRole('button', { name: `Details of ${name}`, exact: true }))).toBe(true);
      // From 1280 px, beside the summary, the row keeps its port link (run selects the new row
      // with it ready); only narrower, or beside the wide Logs tab, does the panel alone show ports.
      if (tab === 'Summary' && size.width >= 1280) {
        const port = await list.row(name).getByRole('link', { name: /^Open http:\/\/localhost:\d+ in the browser$/ });
        await expect(port).toBeVisible();
        expect(await isOnTop(port)).toBe(true);
      }
      // Nothing to scroll sideways to: the row fits the list.
      const overflow = await page.getByTestId('container-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    if (size.width === 1280) await page.screenshot({ path: 'out/screens/row-actions-1280x800.png' });
    if (size.width === 1024) await page.screenshot({ path: 'out/screens/row-actions-1024x768.png' });
    // And they work: Stop from the row, with the panel still open.
    await list.action(name, 'Stop').click();
    await list.expectState(name, 'exited', 30_000);
  });
}
