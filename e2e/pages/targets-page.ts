import { expect, type Locator, type Page } from '@playwright/test';

/** The Engines dialog (targets): opened from the sidebar, one row per engine. */
export class TargetsPage {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly cli: Locator;
  readonly activeName: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByTestId('open-targets');
    this.dialog = page.getByRole('dialog', { name: 'Engines' });
    this.cli = this.dialog.getByTestId('targets-cli');
    this.activeName = page.getByTestId('engine-target');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.row('local')).toBeVisible();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(this.dialog).toBeHidden();
  }

  row(name: string): Locator {
    return this.dialog.locator(`[data-testid="target-row"][data-name="${name}"]`);
  }

  button(name: string, label: 'Test' | 'Use' | 'Edit' | 'Remove'): Locator {
    return this.row(name).getByRole('button', { name: label, exact: true });
  }

  /** Adds an SSH engine through the form; `identity` is a private key file. */
  async add(name: string, address: string, identity?: string): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Add an SSH engine…' }).click();
    const form = this.dialog.getByRole('form', { name: 'Add an SSH engine' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('User, host and port').fill(address);
    if (identity) await form.getByLabel('Private key file').fill(identity);
    await expect(form.getByTestId('target-form-cli')).toContainText(`wharf context add ${name} ssh://${address}`);
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.row(name)).toBeVisible();
  }

  /** Tests a target; resolves with the result block (data-ok="true"/"false"). */
  async test(name: string): Promise<Locator> {
    await this.button(name, 'Test').click();
    const result = this.row(name).getByTestId('target-test');
    await expect(result).toBeVisible({ timeout: 30_000 });
    return result;
  }

  async use(name: string): Promise<void> {
    await this.button(name, 'Use').click();
    await expect(this.row(name)).toHaveAttribute('data-active', 'true', { timeout: 30_000 });
  }

  async remove(name: string): Promise<void> {
    await this.button(name, 'Remove').click();
    await this.row(name).getByRole('alertdialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(this.row(name)).toBeHidden();
  }
}
