import type { Locator, Page } from '@playwright/test';
import { LogsPanel } from '../pages/logs-panel';
import { contrast } from '../support/contrast';
import { runFixture, trackedNames } from '../support/docker';
import { expect, test } from '../support/fixtures';

// Dark mode: the page follows the browser's colour scheme (Playwright's emulation stands for the
// system), the sidebar's choice beats it and is remembered, the log terminal follows live, and the
// text keeps WCAG AA contrast (4.5:1) in both themes.
const IMAGE = 'wharf-fixture/busybox:1';
type Scheme = 'light' | 'dark';

// The values in renderer/styles.css (--bg, --text) and terminal-themes.ts (background).
const EXPECTED: Record<Scheme, { bg: string; text: string; term: string }> = {
  light: { bg: 'rgb(245, 247, 250)', text: 'rgb(29, 39, 51)', term: 'rgb(255, 255, 255)' },
  dark: { bg: 'rgb(15, 20, 26)', text: 'rgb(227, 233, 240)', term: 'rgb(30, 30, 30)' },
};

const names = trackedNames();
test.afterEach(() => names.cleanup());

/** The page's own background and text colour. */
const pageColours = (page: Page): Promise<{ bg: string; text: string }> =>
  page.evaluate(() => {
    const s = getComputedStyle(document.documentElement);
    return { bg: s.backgroundColor, text: s.color };
  });

/** An element's text colour and the first opaque background behind it. */
const textOn = (el: Locator): Promise<{ color: string; bg: string }> =>
  el.evaluate((node) => {
    const color = getComputedStyle(node).color;
    for (let n: Element | null = node; n; n = n.parentElement) {
      const bg = getComputedStyle(n).backgroundColor;
      if (bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return { color, bg };
    }
    return { color, bg: 'rgb(255, 255, 255)' };
  });

/** The log terminal's theme as xterm holds it and as it paints its viewport. */
const terminalColours = (logs: LogsPanel): Promise<{ theme: string; option: string; painted: string }> =>
  logs.terminal.host.evaluate((el) => {
    const term = (el as unknown as { wharfTerminal?: { options: { theme?: { background?: string } } } }).wharfTerminal;
    // xterm 6 paints its background on the scrollable element around the rows.
    const viewport = el.querySelector('.xterm-scrollable-element');
    return {
      theme: (el as HTMLElement).dataset.theme ?? '',
      option: term?.options.theme?.background ?? '',
      painted: viewport ? getComputedStyle(viewport).backgroundColor : '',
    };
  });

async function expectTheme(page: Page, scheme: Scheme, logs?: LogsPanel): Promise<void> {
  await expect.poll(() => pageColours(page)).toEqual({ bg: EXPECTED[scheme].bg, text: EXPECTED[scheme].text });
  if (logs)
    await expect
      .poll(async () => {
        const t = await terminalColours(logs);
        return { theme: t.theme, painted: t.painted };
      })
      .toEqual({ theme: scheme, painted: EXPECTED[scheme].term });
}

async function openLogs(app: { containers: Parameters<typeof LogsPanel.open>[0] }, prefix: string): Promise<LogsPanel> {
  const name = names.named(prefix);
  const script =
    'echo "starting web server"; printf "\\033[32mready\\033[0m on port 8080\\n"; echo "warning: slow disk" >&2; printf "\\033[31merror\\033[0m: retrying\\n"; echo "GET / 200"; sleep 1000';
  await runFixture(name, IMAGE, 'sh', '-c', script);
  const logs = await LogsPanel.open(app.containers, name);
  await logs.expectText('GET / 200');
  return logs;
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`system in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });

    test(`the page and the log terminal are ${scheme}, with readable text`, async ({ app, page }) => {
      const logs = await openLogs(app, `e2e-theme-${scheme}`);
      await expectTheme(page, scheme, logs);
      await expect(app.themePicker).toHaveValue('system');

      // WCAG AA for body text: each kind of text on what is behind it.
      const samples: Record<string, Locator> = {
        heading: page.getByRole('heading', { name: 'Containers', level: 1 }),
        'column header (muted)': page.getByRole('columnheader', { name: 'Name' }).first(),
        'container name (link)': page.getByRole('button', { name: /^Details of e2e-theme-/ }).first(),
        'details heading': logs.panel.getByRole('heading', { level: 2 }),
        'logs status (muted)': logs.status,
        'selected tab': logs.panel.getByRole('tab', { name: 'Logs' }),
        'sidebar entry': app.nav('Images'),
      };
      const ratios: Record<string, number> = {};
      for (const [what, el] of Object.entries(samples)) {
        const { color, bg } = await textOn(el);
        ratios[what] = Math.round(contrast(color, bg) * 100) / 100;
      }
      console.log(`${scheme} contrast ratios: ${JSON.stringify(ratios)}`);
      for (const [what, ratio] of Object.entries(ratios)) expect(ratio, what).toBeGreaterThanOrEqual(4.5);

      await page.screenshot({ path: `out/screens/theme-${scheme}-1280x800.png` });
    });
  });
}

test('the sidebar choice beats the system, is remembered, and switches the open terminal live', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const logs = await openLogs(app, 'e2e-theme-override');
  await expectTheme(page, 'dark', logs);
  // The same terminal throughout: switching its theme must not re-create it.
  await logs.terminal.host.evaluate((el) => {
    (el as unknown as { wharfTerminal: { themeProbe?: number } }).wharfTerminal.themeProbe = 1;
  });
  const sameTerminal = (): Promise<boolean> =>
    logs.terminal.host.evaluate(
      (el) => (el as unknown as { wharfTerminal?: { themeProbe?: number } }).wharfTerminal?.themeProbe === 1,
    );

  await app.setTheme('Light');
  await expectTheme(page, 'light', logs);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectTheme(page, 'light', logs); // the system changing does not undo the choice

  await app.setTheme('System');
  await expectTheme(page, 'dark', logs);
  await page.emulateMedia({ colorScheme: 'light' }); // the system changes while the page is open
  await expectTheme(page, 'light', logs);
  expect(await sameTerminal()).toBe(true);
  expect(await logs.terminal.text()).toContain('GET / 200');

  await app.setTheme('Dark');
  await expectTheme(page, 'dark', logs);
  await page.reload();
  await expect(app.themePicker).toHaveValue('dark');
  await expectTheme(page, 'dark'); // remembered across a reload, against a light system
});
