import { expect, type Locator, type Page } from '@playwright/test';
import { ContainersPage } from './containers-page';
import { ImagesPage } from './images-page';

/** The whole window: sidebar, engine state, the CLI bar, and the two views. */
export class WharfApp {
  readonly containers: ContainersPage;
  readonly images: ImagesPage;
  readonly engineState: Locator;
  readonly cliCommand: Locator;
  /** The main view's notice that the `vm` engine's VM is stopped (or died), with Start. */
  readonly vmDown: Locator;

  constructor(readonly page: Page) {
    this.containers = new ContainersPage(page);
    this.images = new ImagesPage(page);
    this.engineState = page.getByTestId('engine-state');
    this.cliCommand = page.getByTestId('cli-command');
    this.vmDown = page.getByTestId('vm-down');
  }

  /** Opens the UI and waits until the engine answers and the lists arrived. */
  async open(url: string, opts: { waitForEngine?: boolean } = {}): Promise<void> {
    await this.page.goto(url);
    if (opts.waitForEngine ?? true) {
      await expect(this.engineState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    }
  }

  nav(name: 'Containers' | 'Images' | '컨테이너' | '이미지'): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name, exact: true });
  }

  async gotoImages(): Promise<ImagesPage> {
    await this.nav('Images').click();
    await expect(this.images.heading).toBeVisible();
    return this.images;
  }

  async gotoContainers(): Promise<ContainersPage> {
    await this.nav('Containers').click();
    await expect(this.containers.heading).toBeVisible();
    return this.containers;
  }

  async setLanguage(label: 'English' | '한국어'): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('combobox', { name: /^(Language|언어)/ })
      .selectOption({ label });
  }

  /** The sidebar's theme choice (System / Light / Dark). */
  get themePicker(): Locator {
    return this.page.getByRole('navigation').getByRole('combobox', { name: /^(Theme|테마)/ });
  }

  async setTheme(label: 'System' | 'Light' | 'Dark'): Promise<void> {
    await this.themePicker.selectOption({ label });
  }
}
