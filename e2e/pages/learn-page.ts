import { expect, type Locator, type Page } from '@playwright/test';
import { RunDialogPage } from './run-dialog';

/** The Learn view: lesson cards, a lesson's steps by id, their state, hint and buttons. */
export class LearnPage {
  readonly heading: Locator;
  readonly imageField: Locator;
  readonly finished: Locator;
  readonly runDialog: RunDialogPage;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Learn Docker, step by step' });
    this.imageField = page.getByRole('combobox', { name: 'Image for this lesson' });
    this.finished = page.getByTestId('lesson-finished');
    this.runDialog = new RunDialogPage(page);
  }

  async open(): Promise<this> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Learn', exact: true }).click();
    await expect(this.heading).toBeVisible();
    return this;
  }

  async startLesson(id: string): Promise<void> {
    await this.page.getByTestId(`lesson-card-${id}`).getByRole('button').click();
    await expect(this.page.getByTestId(`lesson-${id}`)).toBeVisible();
  }

  async useImage(ref: string): Promise<void> {
    // Already the lesson's (an earlier test picked it): nothing to take.
    if ((await this.imageField.inputValue()) === ref) return;
    await this.imageField.fill(ref);
    const use = this.page.getByRole('button', { name: 'Use this image' });
    await use.click();
    // Taken (and saved): the field shows the lesson's image, so there is nothing left to use.
    await expect(use).toBeDisabled();
    await expect(this.imageField).toHaveValue(ref);
  }

  step(id: string): Locator {
    return this.page.getByTestId(`learn-step-${id}`);
  }

  /** Waits for the step to turn green by itself (nothing is clicked to re-check). */
  async expectDone(id: string, timeout = 15_000): Promise<void> {
    await expect(this.step(id)).toHaveAttribute('data-state', 'done', { timeout });
  }

  hint(id: string): Locator {
    return this.step(id).getByTestId('learn-hint');
  }

  command(id: string): Locator {
    return this.step(id).getByTestId('learn-cli');
  }

  /** The step's own button in Wharf ("Open the Run dialog", "Clean up this lesson", ...). */
  button(id: string, name: string): Locator {
    return this.step(id).getByRole('button', { name, exact: true });
  }
}
