// The Engines dialog against the real test sshd (in front of the real dockerd): add it as a target,
// test it (its host key fingerprint, pinned on first use), switch to it and see that engine's
// containers, see a wrong key refused, switch back to local. Each test has its own Wharf data
// folder (targets.json, known_hosts) and docker config, so the user's own are never touched.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import { TargetsPage } from '../pages/targets-page';
import { WharfApp } from '../pages/wharf-app';
import { removeContainers, runFixture, uniqueName } from '../support/docker';
import { sshEngine } from '../support/sshd';
import { startWharfWeb, type WharfWeb } from '../support/wharf-web';

const test = base.extend<{ wharf: WharfWeb; dataDir: string }>({
  dataDir: async ({}, use) => use(mkdtempSync(join(tmpdir(), 'wharf-e2e-targets-'))),
  wharf: async ({ dataDir }, use) => {
    const w = await startWharfWeb({
      args: ['--engine', 'local'],
      env: { WHARF_DATA_DIR: dataDir, DOCKER_CONFIG: join(dataDir, 'docker-config') },
    });
    await use(w);
    await w.stop();
  },
});

// The web-ssh project already runs on the SSH engine; switching is tested once, from local.
test.beforeEach(({}, info) =>
  test.skip(info.project.metadata?.engine === 'ssh', 'switching is tested from the local engine (web project)'),
);

const fingerprintOf = (pubFile: string): string =>
  `SHA256:${createHash('sha256')
    .update(Buffer.from(readFileSync(pubFile, 'utf8').trim().split(/\s+/)[1] ?? '', 'base64'))
    .digest('base64')
    .replace(/=+$/, '')}`;

test('add the test sshd, test it, switch to it and back to local', async ({ page, wharf, dataDir }) => {
  const ssh = sshEngine();
  const address = ssh.target.replace(/^ssh:\/\//, '');
  const name = uniqueName('wharf-e2e-target');
  await runFixture(name, 'wharf-fixture/busybox:1', 'sleep', '300');
  try {
    const app = new WharfApp(page);
    await app.open(wharf.url);
    const targets = new TargetsPage(page);
    await expect(targets.activeName).toHaveText('Engine: local');
    await targets.open();
    await expect(targets.row('local')).toHaveAttribute('data-active', 'true');

    await targets.add('sshd', address, ssh.identity);
    const result = await targets.test('sshd');
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText(/Reached: Docker \d+\.\d+/);
    // First contact: the key Wharf pinned is shown, and it is the test sshd's own.
    const fp = result.getByTestId('target-fingerprint');
    await expect(fp).toHaveAttribute('data-fingerprint', fingerprintOf(ssh.hostKeyPub));
    await expect(fp).toContainText('First connection');
    await expect(targets.cli).toContainText('wharf context test sshd');
    expect(readFileSync(join(dataDir, 'ssh', 'known_hosts'), 'utf8')).toContain(`[127.0.0.1]:${ssh.port}`);

    await targets.button('sshd', 'Use').hover();
    await expect(targets.cli).toContainText('wharf context use sshd && docker context use wharf-sshd');
    await targets.use('sshd');
    await targets.close();
    await expect(targets.activeName).toHaveText('Engine: sshd');
    await expect(app.engineState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await expect(page.getByTestId('engine-host-key')).toContainText(fingerprintOf(ssh.hostKeyPub));
    await expect(app.containers.row(name)).toBeVisible({ timeout: 20_000 });
    expect(JSON.parse(readFileSync(join(dataDir, 'targets.json'), 'utf8')).active).toBe('sshd');
    // The host socket of the SSH engine exists while it is in use.
    await expect
      .poll(() => wharf.output())
      .toMatch(/Docker socket: unix:\/\/\S+\/sock\/sshd\.sock \(docker --context wharf-sshd /);

    // A key the host does not know: the test says so with the SSH error.
    const keyDir = mkdtempSync(join(tmpdir(), 'wharf-e2e-key-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(keyDir, 'id_ed25519')]);
    await targets.open();
    await targets.add('badkey', address, join(keyDir, 'id_ed25519'));
    const bad = await targets.test('badkey');
    await expect(bad).toHaveAttribute('data-ok', 'false');
    await expect(bad.locator('[data-code="SSH_AUTH_FAILED"]')).toBeVisible();
    await targets.remove('badkey');

    await targets.use('local');
    await targets.close();
    await expect(targets.activeName).toHaveText('Engine: local');
    await expect(app.engineState).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await expect(page.getByTestId('engine-host-key')).toBeHidden();
    await expect(app.containers.row(name)).toBeVisible();
    expect(JSON.parse(readFileSync(join(dataDir, 'targets.json'), 'utf8')).active).toBe('local');
  } finally {
    await removeContainers(name);
  }
});

test('a bad address and a missing key file are refused in the form', async ({ page, wharf, dataDir }) => {
  const app = new WharfApp(page);
  await app.open(wharf.url);
  const targets = new TargetsPage(page);
  await targets.open();
  await targets.dialog.getByRole('button', { name: 'Add an SSH engine…' }).click();
  const form = targets.dialog.getByRole('form', { name: 'Add an SSH engine' });
  await form.getByLabel('Name').fill('box');
  await form.getByLabel('User, host and port').fill('no-user-here');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(targets.dialog.locator('[data-code="TARGET_ADDRESS_INVALID"]')).toBeVisible();
  await form.getByLabel('User, host and port').fill('me@127.0.0.1:2222');
  await form.getByLabel('Private key file').fill(join(dataDir, 'missing-key'));
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(targets.dialog.locator('[data-code="TARGET_KEY_MISSING"]')).toBeVisible();
  await expect(targets.row('box')).toHaveCount(0);
});
