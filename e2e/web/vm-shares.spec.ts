// The VM panel's shared folders, with a created (stopped) VM and the local engine active: no boot
// needed here (the mount itself, docker run -v and file ownership are checked on a real boot in
// vm-backend/vm/vm-shares.int.test.ts). Home is shared by default; `/`, a folder inside another
// and one that does not exist are refused with their reason; a good list is saved to settings.json
// with the `wharf vm settings --share` command it stands for.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VmPanel } from '../pages/vm-panel';
import { WharfApp } from '../pages/wharf-app';
import { cliPath } from '../support/out-dir';
import { expect, test } from '../support/fixtures';
import { startWharfWeb } from '../support/wharf-web';

test('shared folders: home by default, bad folders refused with the reason, a good list saved', async ({ page }) => {
  test.setTimeout(120_000);
  const data = mkdtempSync(join(tmpdir(), 'wharf-vmshare-e2e-'));
  const home = join(data, 'home');
  const src = join(home, 'src');
  mkdirSync(src, { recursive: true });
  const env = { WHARF_DATA_DIR: data, HOME: home, WHARF_VM_ACCEL: 'tcg' };
  execFileSync(process.execPath, [cliPath(), 'vm', 'create', '--no-network', '--disk', '8'], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  const wharf = await startWharfWeb({ args: ['--engine', 'local', '--no-docker-socket'], env });
  try {
    const app = new WharfApp(page);
    await app.open(wharf.url);
    const vm = new VmPanel(page);
    await vm.open();
    await vm.expectState('stopped');
    await vm.button('Settings').click();
    await expect(vm.shareRows).toHaveText([home]);
    await expect(vm.saveShares()).toBeDisabled();

    await vm.addShare('/');
    await expect(vm.shareErrors).toHaveText(['The whole disk (/) cannot be shared.']);
    await expect(vm.saveShares()).toBeDisabled();
    await vm.removeShare('/');
    await vm.addShare(src);
    await expect(vm.shareErrors).toHaveText([`Overlaps ${home}: keep only the outer folder.`]);
    await vm.removeShare(home);
    await expect(vm.shareErrors).toHaveCount(0);

    // A folder that does not exist: only this computer's file system knows, so the backend says it.
    const gone = join(data, 'gone');
    await vm.addShare(gone);
    await vm.saveShares().click();
    await expect(vm.sharesError).toHaveAttribute('data-code', 'VM_SHARE_MISSING');
    await expect(vm.sharesError).toContainText('A shared folder does not exist on this computer.');
    expect(readFileSync(join(data, 'vms/default/settings.json'), 'utf8')).not.toContain('shares');

    await vm.removeShare(gone);
    await expect(vm.sharesError).toHaveCount(0);
    await expect(page.getByTestId('vm-shares-plan')).toHaveText('The shared folders change when the VM starts.');
    await expect(page.getByTestId('vm-shares-cli')).toHaveText(`$ wharf vm settings --share ${src}`);
    await vm.saveShares().click();
    await expect(vm.shares.getByRole('status')).toHaveText('Saved.');
    expect(JSON.parse(readFileSync(join(data, 'vms/default/settings.json'), 'utf8')).shares).toEqual([src]);
    await expect(vm.saveShares()).toBeDisabled();
  } finally {
    await wharf.stop();
    rmSync(data, { recursive: true, force: true });
  }
});
