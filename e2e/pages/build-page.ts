import { expect, type Locator, type Page } from '@playwright/test';

/** The Build view: the folder field with its completion, tags, the command, the build and its log. */
export class BuildPage {
  readonly heading: Locator;
  readonly folder: Locator;
  readonly suggestions: Locator;
  readonly tags: Locator;
  readonly cli: Locator;
  readonly buildButton: Locator;
  readonly state: Locator;
  readonly step: Locator;
  readonly log: Locator;
  readonly contextSize: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Build an image' });
    this.folder = page.getByRole('combobox', { name: 'Folder (build context)' });
    this.suggestions = page.getByRole('listbox', { name: 'Matching folders and files' });
    this.tags = page.getByRole('textbox', { name: /^Image name and tag/ });
    this.cli = page.getByTestId('build-cli');
    this.buildButton = page.getByRole('button', { name: 'Build', exact: true }).last();
    this.state = page.getByTestId('build-state');
    this.step = page.getByTestId('build-step');
    this.log = page.getByTestId('build-log');
    this.contextSize = page.getByTestId('build-context-size');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Build', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Types the folder's parent, takes the folder from the completion list, then its own entries show. */
  async chooseFolder(folder: string): Promise<void> {
    const cut = folder.lastIndexOf('/');
    await this.folder.fill(folder.slice(0, cut + 1) + folder.slice(cut + 1, cut + 4));
    const name = folder.slice(cut + 1);
    await this.suggestions.getByRole('option', { name: `${name}/`, exact: true }).click();
    await expect(this.folder).toHaveValue(`${folder}/`);
    await this.folder.press('Escape');
  }

  async logText(): Promise<string> {
    return this.log.evaluate((el) => {
      const term = (
        el as HTMLElement & {
          wharfTerminal?: {
            buffer: {
              active: { length: number; getLine(i: number): { translateToString(t: boolean): string } | undefined };
            };
          };
        }
      ).wharfTerminal;
      if (!term) return '';
      const b = term.buffer.active;
      const out: string[] = [];
      for (let i = 0; i < b.length; i++) out.push(b.getLine(i)?.translateToString(true) ?? '');
      return out.join('\n');
    });
  }
}
