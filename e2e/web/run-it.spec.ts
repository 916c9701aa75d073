// Issue 14, item 1, in Chromium against the real engine: "Interactive with a terminal" (-it) in the
// run dialog gives the container's own process, attached before it starts (as `docker run -it`
// does), so its first prompt is there before anything is typed; a new shell (exec) is one choice
// away; a program that exits shows its exit status.
import { expect } from '@playwright/test';
import { RunDialogPage } from '../pages/run-dialog';
import { ShellPanel } from '../pages/shell-panel';
import { trackedNames } from '../support/docker';
import { test } from '../support/fixtures';

const IMAGE = 'wharf-fixture/busybox:1'; // CMD ["sh"]
const names = trackedNames();
test.afterEach(() => names.cleanup());

async function runIt(page: import('@playwright/test').Page, name: string, command?: string): Promise<ShellPanel> {
  const run = new RunDialogPage(page);
  await run.openFromImage(IMAGE);
  await run.name.fill(name);
  if (command) await run.dialog.getByRole('textbox', { name: /^Command/ }).fill(command);
  await run.detached().uncheck();
  await run.dialog.getByRole('checkbox', { name: /^Interactive with a terminal/ }).check();
  await run.run();
  const panel = page.getByRole('region', { name: `Details of ${name}`, exact: true });
  await expect(panel).toBeVisible();
  const shell = new ShellPanel(panel);
  await expect(shell.tab).toBeVisible();
  return shell;
}

test('run -it attaches to the main process before it starts: its first prompt is there', async ({ app, page }) => {
  await app.gotoImages();
  const name = names.named('e2e-run-it');
  const shell = await runIt(page, name);
  await expect(shell.status).toHaveText('Connected: attached', { timeout: 15_000 });
  await expect(shell.cli).toHaveText(`$ docker attach ${name}`);
  // The prompt busybox sh printed when it started, before anything was typed.
  await shell.expectOutput(/\/ # $/);
  await page.screenshot({ path: 'out/screens/run-it-1280x800.png' });
  await shell.run('echo pid-$$');
  await shell.expectOutput(/pid-1\b/);
  // A new shell beside it is one choice away.
  await shell.mode.selectOption('exec');
  await shell.openButton.click();
  await expect(shell.status).toHaveText('Connected: sh', { timeout: 15_000 });
  await shell.run('echo pid-$$');
  await shell.expectOutput(/pid-(?!1\b)\d+/);
});

test('run -it of a program that exits shows its output and exit status', async ({ app, page }) => {
  await app.gotoImages();
  const name = names.named('e2e-run-it-exit');
  const shell = await runIt(page, name, 'sh -c "echo bye-from-main; exit 7"');
  await shell.expectOutput(/bye-from-main/);
  await expect(shell.status).toHaveText('The shell ended with exit status 7.', { timeout: 15_000 });
});
