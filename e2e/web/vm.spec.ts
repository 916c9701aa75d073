// The VM panel drives a real VM (QEMU TCG, the project's guest image): stop and start from the
// panel, with the engine following. Runs in the `web` project only (one VM boot is ~30-70 s here).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cliPath } from '../support/out-dir';
import { join, resolve } from 'node:path';
import { WharfApp } from '../pages/wharf-app';
import { VmPanel } from '../pages/vm-panel';
import { expect, test } from '../support/fixtures';
import { startWharfWeb } from '../support/wharf-web';

const ROOT = resolve(__dirname, '../..');
const qemuMissing = ((): string | null => {
  try {
    execFileSync('qemu-system-x86_64', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'QEMU cannot run on this host';
  }
})();

test('the VM panel shows the running VM, stops it and starts it again, and the engine follows', async ({ page }, info) => {
  test.skip(info.project.name !== 'web', 'one VM run is enough: only in the web project');
  test.skip(qemuMissing !== null, qemuMissing ?? '');
  test.setTimeout(12 * 60_000);
  const image = execFileSync('bash', [join(ROOT, 'scripts/vm/build-image.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1) as string;
  const data = mkdtempSync(join(tmpdir(), 'wharf-vme2e-'));
  const env = { WHARF_DATA_DIR: data, WHARF_VM_IMAGE: image, WHARF_VM_ACCEL: 'tcg' };
  const wharf = await startWharfWeb({ args: ['--engine', 'vm', '--no-docker-socket'], env, timeoutMs: 300_000 });
  try {
    const app = new WharfApp(page);
    await app.open(wharf.url);
    const vm = new VmPanel(page);
    await expect(vm.indicator).toHaveAttribute('data-state', 'running');
    await vm.open();
    await vm.expectState('running');
    await expect(vm.dialog).toContainText('Accelerator: tcg');
    await expect(page.getByTestId('vm-uptime')).toBeVisible();

    await vm.button('Stop').click();
    await vm.expectState('stopped', 120_000);
    await expect(vm.indicator).toHaveAttribute('data-state', 'stopped');
    await expect(app.engineState).not.toHaveAttribute('data-state', 'ready', { timeout: 30_000 });

    await vm.button('Start').click();
    await expect(vm.panel).toHaveAttribute('data-state', 'starting');
    await expect(vm.dialog).toContainText(/booting|SSH ready|Docker ready/);
    await vm.expectState('running', 300_000);
    // Same forward port after the restart: the engine connection comes back by itself.
    await expect(app.engineState).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await vm.button('Show console log').click();
    await expect(page.getByLabel('VM console log')).toContainText('WHARF-HOSTKEY');
  } finally {
    await wharf.stop();
    execFileSync(process.execPath, [cliPath(), 'vm', 'stop', '--force'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    rmSync(data, { recursive: true, force: true });
  }
});
