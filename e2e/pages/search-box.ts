import { expect, type Locator, type Page } from '@playwright/test';

/** The search box (Ctrl/Cmd+K), its groups, the tag picker, the pulls panel and registries settings. */
export class SearchBox {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly pulls: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search images' });
    this.input = this.dialog.getByRole('searchbox');
    this.pulls = page.getByRole('region', { name: 'Pulls' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await expect(this.input).toBeFocused();
  }

  group(name: string): Locator {
    return this.dialog.getByRole('region', { name });
  }

  async search(term: string): Promise<void> {
    await this.input.fill(term);
  }

  /** Picks a result, chooses a tag (or keeps the default) and starts the pull. */
  async pull(group: string, result: string, tag?: string): Promise<void> {
    await this.group(group)
      .getByRole('button', { name: new RegExp(`^${result.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .click();
    const tagInput = this.dialog.getByRole('combobox', { name: 'Tag' });
    await expect(tagInput).not.toHaveValue('');
    if (tag) await tagInput.fill(tag);
    await this.dialog.getByRole('button', { name: /^Pull / }).click();
  }

  /** Adds a registry in the Registries settings (tested first, as a user would) and closes them. */
  async addRegistry(host: string, username?: string, secret?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Registries' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Registries' });
    await dialog.getByLabel('Address (host:port)').fill(host);
    if (username) await dialog.getByLabel('Username (optional)').fill(username);
    if (secret) await dialog.getByLabel('Password or token (optional)').fill(secret);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('status')).toContainText('Connected');
    await dialog.getByRole('button', { name: 'Add registry' }).click();
    await expect(dialog.getByRole('list', { name: 'Your registries' })).toContainText(host);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The tag field of the tag picker, and the line saying which tag was picked and why. */
  tagInput(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Tag' });
  }

  tagPicked(): Locator {
    return this.dialog.getByTestId('tag-picked');
  }

  /** The tags offered, in the order shown. */
  tagOptions(): Promise<string[]> {
    return this.dialog.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  }

  pullItem(ref: string): Locator {
    return this.pulls.getByRole('article', { name: ref });
  }
}
