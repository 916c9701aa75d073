import { expect, type Locator, type Page } from '@playwright/test';

/** The Projects view: open a compose project, its actions and services, the down dialog, the logs. */
export class ComposePage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Projects' });
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  get openForm(): Locator {
    return this.page.getByRole('form', { name: 'Open a compose project' });
  }

  async openProject(path: string, name?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Open project', exact: true }).click();
    await this.openForm.getByLabel('Project folder or compose file').fill(path);
    await this.openForm.getByLabel('Project folder or compose file').press('Escape');
    if (name) await this.openForm.getByLabel('Project name (optional)').fill(name);
    await this.openForm.getByRole('button', { name: 'Open project', exact: true }).click();
  }

  project(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  /** A project-wide action button (Up, Stop, Down, Logs, ...). */
  action(project: string, label: string): Locator {
    return this.project(project)
      .getByRole('group', { name: project })
      .getByRole('button', { name: label, exact: true });
  }

  serviceRow(project: string, service: string): Locator {
    return this.project(project).locator(`tr[data-service="${service}"]`);
  }

  serviceAction(project: string, service: string, action: string): Locator {
    return this.serviceRow(project, service).getByRole('button', { name: `${action} ${service}`, exact: true });
  }

  /** The service's state badge; its data-state is the engine's word (running, exited, none). */
  serviceState(project: string, service: string): Locator {
    return this.serviceRow(project, service).getByTestId('service-state');
  }

  running(project: string): Locator {
    return this.project(project).getByRole('status');
  }

  get logs(): Locator {
    return this.page.getByTestId('compose-logs');
  }

  /** The merged log terminal's text, read from xterm's buffer. */
  async logText(): Promise<string> {
    return this.logs.evaluate((el) => {
      const term = (
        el as HTMLElement & {
          wharfTerminal?: {
            buffer: {
              active: { length: number; getLine(i: number): { translateToString(trim: boolean): string } | undefined };
            };
          };
        }
      ).wharfTerminal;
      if (!term) return '';
      const b = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
      return lines.join('\n');
    });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
