import { expect, type Locator } from '@playwright/test';
import type { ContainersPage } from './containers-page';
import { TerminalView } from './terminal-view';

/** The Logs tab of a container's details. */
export class LogsPanel {
  readonly tab: Locator;
  readonly terminal: TerminalView;
  readonly search: Locator;
  readonly searchCount: Locator;
  readonly status: Locator;
  readonly cli: Locator;
  readonly follow: Locator;
  readonly timestamps: Locator;
  readonly tail: Locator;

  constructor(readonly panel: Locator) {
    this.tab = panel.getByRole('tabpanel', { name: /^Logs of / });
    this.terminal = new TerminalView(panel.getByTestId('log-terminal'));
    this.search = panel.getByRole('searchbox', { name: 'Search logs' });
    this.searchCount = panel.getByTestId('log-search-count');
    this.status = this.tab.getByRole('status');
    this.cli = panel.getByTestId('logs-cli');
    this.follow = panel.getByRole('checkbox', { name: 'Follow' });
    this.timestamps = panel.getByRole('checkbox', { name: 'Timestamps' });
    this.tail = panel.getByRole('combobox', { name: 'Show' });
  }

  static async open(containers: ContainersPage, name: string): Promise<LogsPanel> {
    await containers.show(name);
    const panel = await containers.openDetails(name);
    await panel.getByRole('tab', { name: 'Logs' }).click();
    const logs = new LogsPanel(panel);
    await expect(logs.tab).toBeVisible();
    return logs;
  }

  button(name: 'Clear view' | 'Copy selection' | 'Download full log' | 'Previous match' | 'Next match'): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  async expectText(pattern: string | RegExp, timeout = 15_000): Promise<void> {
    await expect
      .poll(() => this.terminal.text(), { timeout })
      .toMatch(typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern);
  }

  /** Resolves once an ended log (follow off) is completely written into the terminal. */
  async waitUntilWritten(timeout = 60_000): Promise<void> {
    await expect(this.panel.getByTestId('log-terminal')).toHaveAttribute('data-log-done', '1', { timeout });
  }
}
