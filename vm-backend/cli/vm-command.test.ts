// `wharf vm` against a real (empty) data folder: no VM is booted here (vm.int.test.ts does that).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeStatus, vmCommand } from './vm-command';

describe('wharf vm (no VM booted)', () => {
  let data = '';
  const prev = process.env.WHARF_DATA_DIR;
  beforeEach(() => {
    data = mkdtempSync(join(tmpdir(), 'wharf-vmcli-'));
    process.env.WHARF_DATA_DIR = data;
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    process.env.WHARF_DATA_DIR = prev;
    vi.restoreAllMocks();
  });

  it('delete-data refuses without --yes and names what is lost', async () => {
    await expect(vmCommand(['delete-data'])).rejects.toThrow(/all images, containers and volumes are lost\. Add --yes/);
  });
  it('--share sets the shared folders; / and a missing folder are coded errors, nothing saved', async () => {
    await vmCommand(['create', '--no-network']);
    await expect(vmCommand(['settings', '--share', '/'])).rejects.toMatchObject({ code: 'VM_SHARE_ROOT' });
    await expect(vmCommand(['settings', '--share', join(data, 'gone')])).rejects.toMatchObject({
      code: 'VM_SHARE_MISSING',
    });
    const settings = join(data, 'vms/default/settings.json');
    expect(JSON.parse(readFileSync(settings, 'utf8')).shares).toBeUndefined();
    await expect(vmCommand(['settings', '--share', data, '--share', join(data, 'vms')])).rejects.toMatchObject({
      code: 'VM_SHARE_NESTED',
    });
    expect(JSON.parse(readFileSync(settings, 'utf8')).shares).toBeUndefined();
    await vmCommand(['settings', '--share', data]);
    expect(JSON.parse(readFileSync(settings, 'utf8')).shares).toEqual([data]);
    await vmCommand(['settings', '--no-share']);
    expect(JSON.parse(readFileSync(settings, 'utf8')).shares).toEqual([]);
  });
  it('reset of a VM that does not exist says so', async () => {
    await expect(vmCommand(['reset'])).rejects.toMatchObject({ code: 'VM_ABSENT' });
  });
  it('diagnose --out writes a bundle tar can list', async () => {
    const out = join(data, 'd.tar.gz');
    await vmCommand(['diagnose', '--out', out]);
    const listed = execFileSync('tar', ['-tzf', out], { encoding: 'utf8' });
    expect(listed).toMatch(/wharf-vm-diagnose-default-[^/]+\/host\.json/);
    expect(listed).toContain('/engine-journal.txt');
  });
  it('status shows a start warning with its way out', () => {
    const text = describeStatus({
      name: 'default',
      state: 'running',
      progress: 'Running',
      since: 0,
      warning: { code: 'VM_DISK_LOW', message: 'Low disk.', hint: 'Free some.' },
    });
    expect(text).toContain('warning: Low disk. Free some.');
  });
});
