import { expect, type Locator, type Page } from '@playwright/test';

/** The VM indicator in the sidebar and the VM panel it opens. */
export class VmPanel {
  readonly indicator: Locator;
  readonly dialog: Locator;
  readonly panel: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('vm-indicator');
    this.dialog = page.getByRole('dialog', { name: 'Wharf VM' });
    this.panel = page.getByTestId('vm-panel');
    this.progress = page.getByTestId('vm-progress');
  }

  async open(): Promise<void> {
    await this.indicator.click();
    await expect(this.dialog).toBeVisible();
  }

  button(name: 'Start' | 'Stop' | 'Force stop' | 'Close' | 'Show console log'): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  async expectState(state: string, timeout = 20_000): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-state', state, { timeout });
  }
}
