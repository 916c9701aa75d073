import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { ComposePage } from '../pages/compose-page';
import { WharfApp } from '../pages/wharf-app';
import { docker, uniqueName } from '../support/docker';
import { sshWharfOptions } from '../support/sshd';
import { expect } from '../support/fixtures';
import { freePort, startWharfWeb, type WharfWeb } from '../support/wharf-web';

// A two-service compose project through the Projects view, with Debian's docker-compose 1.29 on
// the real engine: a web server (wharf-fixture/httpd) and a busybox standing in for redis (no Hub
// images here). Open, up, the web answers, merged logs show both services, stop one service, down
// with volumes. Its own settings folder, so compose-projects.json is a throwaway.
const configDir = mkdtempSync(join(tmpdir(), 'wharf-e2e-compose-'));
const test = base.extend<{ compose: ComposePage }, { wharf: WharfWeb }>({
  wharf: [
    async ({}, use, workerInfo) => {
      // web-ssh: the same dockerd through the test sshd, so compose goes through Wharf's host socket.
      const ssh = workerInfo.project.metadata?.engine === 'ssh' ? sshWharfOptions() : null;
      const w = await startWharfWeb({ args: ssh?.args ?? [], env: { ...ssh?.env, WHARF_CONFIG_DIR: configDir } });
      await use(w);
      await w.stop();
    },
    { scope: 'worker' },
  ],
  compose: async ({ page, wharf }, use) => {
    const app = new WharfApp(page);
    await app.open(wharf.url);
    const compose = new ComposePage(page);
    await compose.goto();
    await use(compose);
  },
});

test.describe('compose projects', () => {
  const projects: string[] = [];
  test.afterAll(async () => {
    for (const p of projects) {
      const ids = (await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${p}`))
        .split('\n')
        .filter(Boolean);
      if (ids.length) await docker('rm', '-f', ...ids).catch(() => '');
      await docker('network', 'rm', `${p}_default`).catch(() => '');
      await docker('volume', 'rm', `${p}_redisdata`).catch(() => '');
    }
    rmSync(configDir, { recursive: true, force: true });
  });

  test('open, up, the web answers, merged logs, stop a service, down with volumes', async ({ compose }, info) => {
    test.setTimeout(120_000);
    const name = uniqueName('e2ecmp')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
    projects.push(name);
    const port = await freePort();
    const dir = join(configDir, name);
    mkdirSync(join(dir, 'site'), { recursive: true });
    writeFileSync(join(dir, 'site', 'index.html'), 'hello from the bind mount\n');
    writeFileSync(
      join(dir, 'compose.yaml'),
      `services:
  web:
    image: wharf-fixture/httpd:1
    ports: ["127.0.0.1:${port}:80"]
    volumes: ["./site:/www:ro"]
    labels: { wharf.test: "1" }
  redis:
    image: wharf-fixture/busybox:1
    command: ["sh", "-c", "echo redis-ready; while true; do echo redis-tick; sleep 1; done"]
    labels: { wharf.test: "1" }
    volumes: ["redisdata:/data"]
volumes:
  redisdata:
    labels: { wharf.test: "1" }
`,
    );

    await compose.openProject(dir, name);
    await expect(compose.project(name)).toBeVisible();
    await expect(compose.serviceState(name, 'web')).toHaveAttribute('data-state', 'none');
    await expect(compose.serviceState(name, 'web')).toHaveText('not created');
    // On an SSH engine the relative bind mount is a folder on the engine's host: said before Up.
    const remoteNote = compose.project(name).getByRole('note');
    if (info.project.metadata?.engine === 'ssh') await expect(remoteNote).toContainText(join(dir, 'site'));
    else await expect(remoteNote).toHaveCount(0);
    await expect(compose.action(name, 'Up')).toHaveAttribute(
      'data-cli',
      `docker-compose -p ${name} -f ${join(dir, 'compose.yaml')} up -d`,
    );

    await compose.action(name, 'Up').click();
    await expect(compose.serviceState(name, 'web')).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
    await expect(compose.serviceState(name, 'redis')).toHaveAttribute('data-state', 'running');
    await expect(compose.serviceRow(name, 'web').getByRole('link', { name: `${port}:80` })).toBeVisible();
    // The test sshd runs on this machine, so the "remote" folder is this one and the page is served.
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/`)).text())
      .toBe('hello from the bind mount\n');

    // The web server logs each request it serves (httpd -v): both services in the merged terminal.
    await compose.action(name, 'Logs').click();
    await expect.poll(() => compose.logText(), { timeout: 20_000 }).toMatch(/redis +\| redis-ready/);
    await fetch(`http://127.0.0.1:${port}/`);
    await expect.poll(() => compose.logText(), { timeout: 20_000 }).toMatch(/web +\| .*response:200/);

    await compose.serviceAction(name, 'redis', 'Stop').click();
    await expect(compose.serviceState(name, 'redis')).toHaveAttribute('data-state', 'exited', { timeout: 30_000 });
    await expect(compose.serviceState(name, 'web')).toHaveAttribute('data-state', 'running');

    await compose.action(name, 'Down').click();
    await expect(compose.dialog).toContainText(`${name}_redis_1`);
    await compose.dialog.getByLabel('Also remove its volumes').check();
    await expect(compose.dialog).toContainText(`${name}_redisdata`);
    await expect(compose.dialog.getByTestId('dialog-cli')).toHaveText(
      `$ docker-compose -p ${name} -f ${join(dir, 'compose.yaml')} down -v`,
    );
    await compose.dialog.getByRole('button', { name: 'Down', exact: true }).click();
    await expect(compose.serviceState(name, 'web')).toHaveAttribute('data-state', 'none', { timeout: 60_000 });
    expect(await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${name}`)).toBe('');
    // compose removes the volume after the containers: wait for the run to end.
    await expect
      .poll(() => docker('volume', 'ls', '-q', '--filter', `name=${name}_redisdata`), { timeout: 30_000 })
      .toBe('');
  });

  test('a compose file with a syntax error is shown with its line', async ({ compose }) => {
    const dir = join(configDir, 'broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'compose.yaml'),
      'services:\n  web:\n    image: wharf-fixture/httpd:1\n    ports: ["80:80"\n',
    );
    await compose.openProject(dir);
    await expect(compose.openForm.getByRole('alert')).toContainText('has a mistake on line 4');
  });
});
