import { expect, type Locator, type Page } from '@playwright/test';

/** The images view: one row per tag, remove with its conflict explanation, prune. */
export class ImagesPage {
  readonly heading: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Images' });
    this.search = page.getByRole('searchbox', { name: 'Search by repository or tag' });
  }

  row(ref: string): Locator {
    return this.page
      .getByTestId('image-row')
      .filter({ has: this.page.getByRole('button', { name: `Remove image ${ref}`, exact: true }) });
  }

  inUse(ref: string): Locator {
    return this.row(ref).getByTestId('image-in-use');
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async startRemove(ref: string): Promise<Locator> {
    await this.row(ref)
      .getByRole('button', { name: `Remove image ${ref}`, exact: true })
      .click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  /** "Push…" on the image's row: the push dialog. */
  async startPush(ref: string): Promise<Locator> {
    await this.row(ref)
      .getByRole('button', { name: `Push image ${ref}…`, exact: true })
      .click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }
}
