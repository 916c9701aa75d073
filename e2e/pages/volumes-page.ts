import { expect, type Locator, type Page } from '@playwright/test';

/** The volumes view: rows by name, create / remove / Run with, and a volume's file browser. */
export class VolumesPage {
  readonly heading: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Volumes' });
    this.search = page.getByRole('searchbox', { name: 'Search volumes or containers' });
  }

  async open(): Promise<this> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).click();
    await expect(this.heading).toBeVisible();
    return this;
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="volume-row"][data-name="${name}"]`);
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async create(name: string, labels: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Create volume' }).click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel(/^Labels/).fill(labels);
    await expect(this.dialog.locator('code.cli-inline')).toContainText(`docker volume create --label`);
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Opens the volume's file browser under the list. */
  async browse(name: string): Promise<FileBrowserPart> {
    await this.row(name)
      .getByRole('button', { name: `Browse the files of volume ${name}` })
      .click();
    const region = this.page.getByRole('region', { name: `Files in volume ${name}` });
    await expect(region).toBeVisible();
    return new FileBrowserPart(this.page, region);
  }
}

/** One file browser (a volume's panel or a container's Files tab). */
export class FileBrowserPart {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  file(name: string): Locator {
    return this.root.locator(`[data-testid="file-row"][data-name="${name}"]`);
  }

  async openFolder(name: string): Promise<void> {
    await this.file(name)
      .getByRole('button', { name: `${name}/` })
      .click();
  }

  /** Downloads a file through the browser; answers the saved bytes. */
  async download(name: string): Promise<Buffer> {
    const [dl] = await Promise.all([
      this.page.waitForEvent('download'),
      this.file(name)
        .getByRole('button', { name: `Download ${name}` })
        .click(),
    ]);
    const path = await dl.path();
    const { readFile } = await import('node:fs/promises');
    return readFile(path);
  }

  /** "Save to…": the folder typed in the dialog, the backend writes the file there; answers the
   *  path it says it saved as. */
  async saveTo(name: string, folder: string): Promise<string> {
    await this.file(name)
      .getByRole('button', { name: `Save ${name} to a folder on this computer` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Save ${name} to a folder` });
    await dialog.getByRole('combobox', { name: 'Folder on this computer' }).fill(folder);
    await expect(dialog.getByTestId('save-cli')).toContainText(`docker cp`);
    await expect(dialog.getByTestId('save-cli')).toContainText(folder);
    await dialog.getByRole('button', { name: 'Save here' }).click();
    const saved = this.root.getByTestId('copy-saved');
    await expect(saved).toBeVisible({ timeout: 20_000 });
    const text = (await saved.locator('span').first().textContent()) ?? '';
    await saved.getByRole('button', { name: 'OK' }).click();
    return text.replace(/^Saved as /, '');
  }

  /** Deletes a file or folder, confirming in the dialog; waits until its row is gone. */
  async delete(name: string): Promise<void> {
    await this.file(name)
      .getByRole('button', { name: `Delete ${name}` })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(this.file(name)).toHaveCount(0, { timeout: 15_000 });
  }

  async upload(name: string, body: Buffer): Promise<void> {
    await this.root
      .getByTestId('file-upload-input')
      .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: body });
    await expect(this.file(name)).toBeVisible({ timeout: 15_000 });
  }
}
