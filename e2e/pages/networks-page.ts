import { expect, type Locator, type Page } from '@playwright/test';

/** The networks view: the list, a network's details (attached containers, connect), its picture. */
export class NetworksPage {
  readonly heading: Locator;
  readonly details: Locator;
  readonly picture: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Networks' });
    this.details = page.getByRole('complementary');
    this.picture = page.getByTestId('network-picture');
  }

  async open(): Promise<this> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Networks', exact: true }).click();
    await expect(this.heading).toBeVisible();
    return this;
  }

  row(name: string): Locator {
    return this.page.getByTestId('network-row').and(this.page.locator(`[data-name="${name}"]`));
  }

  async create(o: { name: string; subnet?: string; gateway?: string; internal?: boolean }): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Create network' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Create a network' });
    await dialog.getByLabel('Name').fill(o.name);
    if (o.subnet) await dialog.getByLabel('Subnet (optional)').fill(o.subnet);
    if (o.gateway) await dialog.getByLabel('Gateway (optional)').fill(o.gateway);
    if (o.internal) await dialog.getByLabel(/^Internal/).check();
    return dialog;
  }

  async select(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name, exact: true }).click();
    await expect(this.details.getByRole('heading', { level: 2, name })).toBeVisible();
  }

  endpoint(container: string): Locator {
    return this.details.getByTestId('network-endpoint').and(this.page.locator(`[data-name="${container}"]`));
  }

  pictureEnd(container: string): Locator {
    return this.picture.getByTestId('picture-end').and(this.page.locator(`[data-name="${container}"]`));
  }

  async connect(container: string, alias: string): Promise<void> {
    await this.details.getByLabel('Connect a container').selectOption(container);
    await this.details.getByLabel(/^Alias/).fill(alias);
    await this.details.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  async disconnect(container: string): Promise<void> {
    await this.details.getByRole('button', { name: `Disconnect ${container}` }).click();
  }
}
