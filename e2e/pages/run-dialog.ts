import { expect, type Locator, type Page } from '@playwright/test';

/** The run dialog: fields by their labels, errors by the field they concern, the CLI preview. */
export class RunDialogPage {
  readonly dialog: Locator;
  readonly name: Locator;
  readonly image: Locator;
  readonly cli: Locator;
  readonly runButton: Locator;
  readonly portCheck: Locator;

  constructor(readonly page: Page) {
    // Named: another dialog (the search box) may be open under it.
    this.dialog = page.getByRole('dialog', { name: /^Run / });
    // A label that wraps its input also reads the input's value: match the start only.
    this.name = this.dialog.getByRole('textbox', { name: /^Container name/ });
    this.image = this.dialog.getByRole('textbox', { name: /^Image/ });
    this.cli = this.dialog.getByTestId('run-cli');
    this.runButton = this.dialog.getByRole('button', { name: 'Run', exact: true });
    this.portCheck = this.dialog.getByTestId('port-check');
  }

  async openFromImage(ref: string): Promise<void> {
    await this.page.getByRole('button', { name: `Run ${ref}`, exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  hostPort(n: number): Locator {
    return this.dialog.getByRole('textbox', { name: new RegExp(`^Host port ${n}( |$)`) });
  }

  containerPort(n: number): Locator {
    return this.dialog.getByRole('textbox', { name: new RegExp(`^Container port ${n}( |$)`) });
  }

  detached(): Locator {
    return this.dialog.getByRole('checkbox', { name: /^In the background/ });
  }

  /** The message shown under a field, e.g. "name" or "ports.0.hostPort". */
  error(field: string): Locator {
    return this.dialog.locator(`[data-field="${field}"]`);
  }

  async paste(command: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: /^Paste a docker run command/ }).fill(command);
    await this.dialog.getByRole('button', { name: 'Fill the form', exact: true }).click();
  }

  parseProblems(): Locator {
    return this.dialog.getByRole('list', { name: 'What the form could not take' }).getByRole('listitem');
  }

  /** Waits for the engine-host port check, so conflicts with processes are known. */
  async waitPortCheck(): Promise<void> {
    await expect(this.portCheck).toHaveText(/were checked on the engine's host/, { timeout: 15_000 });
  }

  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.dialog).toBeHidden({ timeout: 20_000 });
  }
}
