import { expect, type Locator } from '@playwright/test';
import type { ContainersPage } from './containers-page';

/** The Stats and Processes tabs of a container's details, and the list's live-use cell. */
export class StatsPanel {
  readonly stats: Locator;
  readonly now: Locator;
  readonly charts: Locator;
  readonly ended: Locator;
  readonly notRunning: Locator;
  readonly limits: Locator;
  readonly updateCli: Locator;
  readonly processes: Locator;

  constructor(readonly panel: Locator) {
    this.stats = panel.getByTestId('stats-tab');
    this.now = panel.getByTestId('stats-now');
    this.charts = panel.getByTestId('stats-charts');
    this.ended = panel.getByTestId('stats-ended');
    this.notRunning = panel.getByTestId('stats-not-running');
    this.limits = panel.getByRole('form', { name: 'Limits (cgroups)' });
    this.updateCli = panel.getByTestId('update-cli');
    this.processes = panel.getByTestId('processes-tab');
  }

  static cell(containers: ContainersPage, name: string): Locator {
    return containers.row(name).getByTestId('container-stats');
  }

  static async open(containers: ContainersPage, name: string): Promise<StatsPanel> {
    await containers.show(name);
    const panel = await containers.openDetails(name);
    await panel.getByRole('tab', { name: 'Stats' }).click();
    const s = new StatsPanel(panel);
    await expect(s.stats).toBeVisible();
    return s;
  }

  async openProcesses(): Promise<void> {
    await this.panel.getByRole('tab', { name: 'Processes' }).click();
    await expect(this.processes).toBeVisible();
  }

  async openStats(): Promise<void> {
    await this.panel.getByRole('tab', { name: 'Stats' }).click();
    await expect(this.stats).toBeVisible();
  }

  /** A number the Stats tab keeps on its "now" line (memLimit, memUsed, samples). */
  async reading(key: 'memLimit' | 'memUsed' | 'samples'): Promise<number> {
    return Number((await this.now.getAttribute(`data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)) ?? NaN);
  }

  field(label: 'Memory' | 'Memory + swap' | 'CPUs' | 'CPU shares' | 'Process limit'): Locator {
    return this.limits.getByLabel(new RegExp(`^${label.replace(/[+]/g, '\\+')} --`));
  }

  get apply(): Locator {
    return this.limits.getByRole('button', { name: 'Update limits' });
  }
}
