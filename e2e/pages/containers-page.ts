import { expect, type Locator, type Page } from '@playwright/test';

/** The containers view: rows by container name, their buttons, the remove dialog, the inspect panel. */
export class ContainersPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly onlyRunning: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Containers' });
    this.search = page.getByRole('searchbox', { name: 'Search by name or image' });
    this.onlyRunning = page.getByRole('checkbox', { name: 'Only running' });
    this.count = page.getByTestId('containers-count');
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="container-row"][data-name="${name}"]`);
  }

  status(name: string): Locator {
    return this.row(name).getByTestId('container-status');
  }

  async expectState(name: string, state: string, timeout = 15_000): Promise<void> {
    await expect(this.row(name)).toHaveAttribute('data-state', state, { timeout });
  }

  action(name: string, action: 'Start' | 'Stop' | 'Restart' | 'Pause' | 'Resume' | 'Remove'): Locator {
    return this.row(name).getByRole('button', { name: `${action} ${name}`, exact: true });
  }

  select(name: string): Locator {
    return this.row(name).getByRole('checkbox', { name: `Select ${name}` });
  }

  portLink(name: string, hostPort: number): Locator {
    return this.row(name).getByRole('link', { name: `Open http://localhost:${hostPort} in the browser` });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Narrows the list with the search box, so rows other tests add cannot move under the pointer. */
  async show(term: string): Promise<void> {
    await this.search.fill(term);
  }

  /** Remove through the dialog; `force` sets the checkbox (left as the dialog chose when omitted). */
  async remove(name: string, opts: { force?: boolean } = {}): Promise<void> {
    await this.action(name, 'Remove').click();
    await expect(this.dialog).toBeVisible();
    if (opts.force !== undefined) await this.dialog.getByRole('checkbox', { name: /Force/ }).setChecked(opts.force);
    await this.dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  }

  async openDetails(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole('button', { name: `Details of ${name}`, exact: true })
      .click();
    const panel = this.page.getByRole('region', { name: `Details of ${name}`, exact: true });
    await expect(panel).toBeVisible();
    return panel;
  }
}
