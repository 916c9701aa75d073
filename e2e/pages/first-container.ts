import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The short path of a new user, from the first window to a container answering in the browser,
 * with every click and keystroke counted (issue 14: at most 5 clicks plus the image name).
 */
export class FirstContainerPath {
  clicks = 0;
  keys = 0;

  constructor(readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    await target.click();
    this.clicks++;
  }

  async type(target: Locator, text: string): Promise<void> {
    await target.pressSequentially(text);
    this.keys += text.length;
  }

  /** Opens the search box by its sidebar button, types the name, and clicks Run on the result. */
  async searchAndRun(group: string, image: string): Promise<void> {
    await this.click(this.page.getByRole('button', { name: 'Search images (Ctrl+K)' }));
    const search = this.page.getByRole('dialog', { name: 'Search images' });
    await this.type(search.getByRole('searchbox'), image.split('/').pop() ?? image);
    // The result names the image; the Run button beside it.
    const result = search
      .getByRole('region', { name: group })
      .getByRole('listitem')
      .filter({
        has: this.page.getByRole('button', {
          name: new RegExp(`^${image.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`),
        }),
      });
    await expect(result).toBeVisible();
    await this.page.screenshot({ path: 'out/screens/search-run-result-1280x800.png' });
    await this.click(result.getByRole('button', { name: 'Run (pulls the image first)', exact: true }));
  }

  /** The run dialog, once the pull it started is done and the ports are filled in: Run. */
  async runWhenReady(image: string, hostPort: number): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: `Run ${image}` });
    await expect(dialog.getByRole('textbox', { name: /^Host port 1( |$)/ })).toHaveValue(String(hostPort), {
      timeout: 30_000,
    });
    await this.page.screenshot({ path: 'out/screens/run-dialog-short-path-1280x800.png' });
    await this.click(dialog.getByRole('button', { name: 'Run', exact: true }));
    await expect(dialog).toBeHidden({ timeout: 20_000 });
  }

  /** The new container's row is selected (its details open) with its port link ready: click it;
   *  resolves with the page the browser opened. */
  async openPort(name: string, hostPort: number): Promise<Page> {
    await expect(this.page.getByRole('region', { name: `Details of ${name}`, exact: true })).toBeVisible();
    const link = this.page
      .locator(`[data-testid="container-row"][data-name="${name}"]`)
      .getByRole('link', { name: `Open http://localhost:${hostPort} in the browser` });
    const opened = this.page.context().waitForEvent('page');
    await this.click(link);
    return opened;
  }
}
