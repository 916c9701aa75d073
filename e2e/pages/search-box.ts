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

  pullItem(ref: string): Locator {
    return this.pulls.getByRole('article', { name: ref });
  }
}
