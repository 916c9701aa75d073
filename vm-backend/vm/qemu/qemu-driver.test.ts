// The Windows start path (no -daemonize: a detached child) exercised here with fake QEMUs: a start
// error reaches the VM panel's words from QEMU's own log; a missing binary is a start failure too.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StartSpec } from '../driver';
import type { ImageFiles } from '../image/image';
import { vmFiles } from '../vm-files';
import { QemuDriver } from './qemu-driver';

function spec(): StartSpec {
  const root = mkdtempSync(join(tmpdir(), 'wharf-drv-'));
  const files = vmFiles(root, 'default');
  mkdirSync(files.dir, { recursive: true });
  const image = {
    dir: '/img',
    kernel: '/img/vmlinuz',
    initrd: '/img/initrd.img',
    rootfs: '/img/rootfs.img',
    manifest: { arch: 'x86_64', cmdline: 'console=ttyS0', files: {} },
  } as unknown as ImageFiles;
  const settings = { cpus: 1, memoryMiB: 512, diskGiB: 1, network: true } as StartSpec['settings'];
  return { files, image, settings, accel: 'tcg', sshPort: 2222, restrictNetwork: true };
}

function fakeQemu(script: string): string {
  const bin = join(mkdtempSync(join(tmpdir(), 'wharf-fakeqemu-')), 'qemu-system-x86_64');
  writeFileSync(bin, `#!/bin/sh\n${script}\n`);
  chmodSync(bin, 0o755);
  return bin;
}

describe('QEMU on Windows (a detached child)', () => {
  it("reports an early exit in the VM panel's words, with QEMU's own log, and never -daemonize", async () => {
    const s = spec();
    const bin = fakeQemu(
      `echo "$@" > "${s.files.dir}/args"; echo "qemu: Could not set up host forwarding rule 'tcp:127.0.0.1:2222-:22'" >&2; exit 1`,
    );
    const start = new QemuDriver(bin, 'qemu-img', 'win32').start(s);
    await expect(start).rejects.toMatchObject({
      problem: { code: 'VM_SSH_PORT_TAKEN', detail: expect.stringContaining('host forwarding rule') },
    });
    const args = readFileSync(join(s.files.dir, 'args'), 'utf8');
    expect(args).not.toContain('-daemonize');
    expect(args).toMatch(/-qmp pipe:wharf-qmp-[0-9a-f]{16} -pidfile /);
    expect(readFileSync(s.files.qemuLog, 'utf8')).toContain('host forwarding rule');
  });

  it('reports a QEMU that cannot be run at all as a start failure', async () => {
    const start = new QemuDriver('/nonexistent/qemu-system-x86_64.exe', 'qemu-img', 'win32').start(spec());
    await expect(start).rejects.toMatchObject({ problem: { code: 'VM_START_FAILED' } });
  });
});
