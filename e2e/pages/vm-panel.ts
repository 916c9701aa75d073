import { expect, type Locator, type Page } from '@playwright/test';

type ButtonName =
  | 'Start'
  | 'Stop'
  | 'Restart'
  | 'Force stop'
  | 'Reset…'
  | 'Delete data…'
  | 'Diagnose'
  | 'Settings'
  | 'Close'
  | 'Show console log'
  | 'Apply'
  | 'Restart now'
  | 'Cancel'
  | 'Use this engine';

/** The VM indicator in the sidebar and the VM panel it opens. */
export class VmPanel {
  readonly indicator: Locator;
  readonly dialog: Locator;
  readonly panel: Locator;
  readonly progress: Locator;
  /** While starting: the time so far and what a start usually takes here. */
  readonly bootTime: Locator;
  readonly settings: Locator;
  /** Shown while another engine is active: which one, and that the VM runs beside it. */
  readonly otherEngine: Locator;
  /** The shared folders: the list, the add field, its row errors, the backend's error. */
  readonly shares: Locator;
  readonly shareRows: Locator;
  readonly shareErrors: Locator;
  readonly sharesError: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('vm-indicator');
    this.dialog = page.getByRole('dialog', { name: 'Wharf VM' });
    this.panel = page.getByTestId('vm-panel');
    this.progress = page.getByTestId('vm-progress');
    this.bootTime = page.getByTestId('vm-boot-time');
    this.settings = page.getByRole('form', { name: 'Resources' });
    this.otherEngine = page.getByTestId('vm-other-engine');
    this.shares = page.getByRole('region', { name: 'Shared folders' });
    this.shareRows = this.shares.getByTestId('vm-share-path');
    this.shareErrors = this.shares.getByTestId('vm-share-error');
    this.sharesError = page.getByTestId('vm-shares-error');
  }

  async addShare(path: string): Promise<void> {
    await this.shares.getByLabel('Folder to share (full path)').fill(path);
    await this.shares.getByRole('button', { name: 'Add folder', exact: true }).click();
  }

  async removeShare(path: string): Promise<void> {
    await this.shares.getByRole('button', { name: `Remove ${path}`, exact: true }).click();
  }

  saveShares(): Locator {
    return this.shares.getByRole('button', { name: 'Save shared folders', exact: true });
  }

  async open(): Promise<void> {
    await this.indicator.click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.button('Close').click();
    await expect(this.dialog).toBeHidden();
  }

  button(name: ButtonName): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  field(label: 'CPUs' | 'Memory (MiB)' | 'Data disk (GiB)'): Locator {
    return this.settings.getByLabel(label, { exact: true });
  }

  fieldError(field: 'cpus' | 'memoryMiB' | 'diskGiB'): Locator {
    return this.page.getByTestId(`vm-settings-error-${field}`);
  }

  async expectState(state: string, timeout = 20_000): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-state', state, { timeout });
  }
}
