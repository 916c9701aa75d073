import type { Locator, Page } from '@playwright/test';

/** Notes about settings files Wharf set aside (the banner at the top, and inside the dialogs). */
export class SettingsNoticesPage {
  readonly banner: Locator;
  readonly registriesDialog: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('region', { name: 'Settings files' });
    this.registriesDialog = page.getByRole('dialog', { name: 'Registries' });
  }

  /** The note about one file (e.g. "targets.json") inside `within` (the banner or a dialog). */
  notice(within: Locator, file: string): Locator {
    return within.locator(`[data-testid="settings-notice"][data-file$="/${file}"]`);
  }

  async openRegistries(): Promise<void> {
    await this.page.getByRole('button', { name: 'Registries', exact: true }).click();
  }

  async hide(): Promise<void> {
    await this.banner.getByRole('button', { name: 'Hide' }).click();
  }
}
