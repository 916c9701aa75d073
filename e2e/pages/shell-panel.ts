import { expect, type Locator } from '@playwright/test';
import type { ContainersPage } from './containers-page';
import { TerminalView } from './terminal-view';

/** The Shell tab of a container's details: a terminal inside the container. */
export class ShellPanel {
  readonly tab: Locator;
  readonly terminal: TerminalView;
  readonly status: Locator;
  readonly cli: Locator;

  constructor(readonly panel: Locator) {
    this.tab = panel.getByRole('tabpanel', { name: /^Terminal in / });
    this.terminal = new TerminalView(panel.getByTestId('shell-terminal'));
    this.status = panel.getByTestId('shell-status');
    this.cli = panel.getByTestId('shell-cli');
  }

  static async open(containers: ContainersPage, name: string): Promise<ShellPanel> {
    await containers.show(name);
    const panel = await containers.openDetails(name);
    await panel.getByRole('tab', { name: 'Shell' }).click();
    const shell = new ShellPanel(panel);
    await expect(shell.tab).toBeVisible();
    return shell;
  }

  get mode(): Locator {
    return this.panel.getByRole('combobox', { name: 'Mode' });
  }

  get command(): Locator {
    return this.panel.getByRole('textbox', { name: 'Command' });
  }

  get user(): Locator {
    return this.panel.getByRole('textbox', { name: 'User' });
  }

  /** Shown when the command field has a quote that is not closed. */
  get commandError(): Locator {
    return this.panel.getByTestId('shell-command-error');
  }

  get openButton(): Locator {
    return this.panel.getByRole('button', { name: /^Open (shell|again)$/ });
  }

  async expectConnected(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  }

  /** Runs one line in the shell (typed, then Enter). */
  async run(line: string): Promise<void> {
    await this.terminal.type(line);
    await this.terminal.host.page().keyboard.press('Enter');
  }

  async expectOutput(pattern: RegExp, timeout = 15_000): Promise<void> {
    await expect.poll(() => this.terminal.text(), { timeout }).toMatch(pattern);
  }
}
