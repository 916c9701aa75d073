import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Accel } from './accel';
import type { StartSpec } from '../driver';
import type { ImageFiles } from '../image/image';
import { hostArch } from '../guest-arch';
import { machineArgs, qemuArgs, qemuBinary, qmpAddress, qmpPipeName, shareArgs } from './qemu-args';
import { ensureDataDisk } from './qemu-driver';
import { vmFiles } from '../vm-files';

function spec(arch: 'x86_64' | 'aarch64', accel: Accel, restrictNetwork = true): StartSpec {
  const image = {
    dir: '/img',
    kernel: '/img/vmlinuz',
    initrd: '/img/initrd.img',
    rootfs: '/img/rootfs.img',
    manifest: {
      format: 1,
      version: 'v',
      arch,
      cmdline: arch === 'aarch64' ? 'console=ttyAMA0 root=/dev/vda' : 'console=ttyS0 root=/dev/vda',
      files: {},
    },
  } as unknown as ImageFiles;
  return {
    files: vmFiles('/vms', 'default'),
    image,
    settings: { cpus: 2, memoryMiB: 2048, diskGiB: 8, network: true } as StartSpec['settings'],
    accel,
    sshPort: 2222,
    restrictNetwork,
  };
}

/** The value after each occurrence of a flag. */
const values = (args: string[], flag: string): string[] =>
  args.flatMap((a, i) => (a === flag ? [args[i + 1] as string] : []));

describe('QEMU arguments', () => {
  it('shares each folder over 9p as the user, escapes commas, and reports free pages', () => {
    expect(shareArgs(['/home/me', '/p, q'])).toEqual([
      '-virtfs',
      'local,path=/home/me,mount_tag=wharf0,security_model=none,multidevs=remap',
      '-virtfs',
      'local,path=/p,, q,mount_tag=wharf1,security_model=none,multidevs=remap',
    ]);
    const a = qemuArgs({ ...spec('x86_64', 'tcg'), shares: ['/home/me'] });
    expect(values(a, '-virtfs')).toEqual(['local,path=/home/me,mount_tag=wharf0,security_model=none,multidevs=remap']);
    expect(values(a, '-device')).toContain('virtio-balloon-pci,free-page-reporting=on');
    expect(values(qemuArgs(spec('x86_64', 'tcg')), '-virtfs')).toEqual([]);
  });
  it('x86_64 under TCG: default machine and CPU, kernel boot, data disk found by serial', () => {
    const a = qemuArgs(spec('x86_64', 'tcg'));
    expect(values(a, '-accel')).toEqual(['tcg']);
    expect(a).not.toContain('-machine');
    expect(a).not.toContain('-cpu');
    expect(values(a, '-kernel')).toEqual(['/img/vmlinuz']);
    expect(values(a, '-append')).toEqual(['console=ttyS0 root=/dev/vda']);
    expect(values(a, '-drive')).toEqual([
      'file=/vms/default/root.qcow2,format=qcow2,if=none,id=root,discard=unmap',
      'file=/vms/default/data.img,format=raw,if=none,id=data,discard=unmap',
    ]);
    // Root first (/dev/vda), then the data disk the guest finds by its serial.
    expect(values(a, '-device').filter((d) => d.startsWith('virtio-blk'))).toEqual([
      'virtio-blk-pci,drive=root,serial=wharf-root',
      'virtio-blk-pci,drive=data,serial=wharf-data',
    ]);
    expect(values(a, '-netdev')).toEqual(['user,id=n0,hostfwd=tcp:127.0.0.1:2222-:22,restrict=on']);
    expect(values(a, '-fw_cfg')).toEqual(['name=opt/wharf/seed,file=/vms/default/seed.env']);
    expect(a).not.toContain('-bios');
  });
  it('x86_64 with kvm, hvf or whpx takes the host CPU; networking open when not restricted', () => {
    for (const accel of ['kvm', 'hvf', 'whpx'] as const)
      expect(values(qemuArgs(spec('x86_64', accel, false)), '-cpu')).toEqual(['host']);
    expect(values(qemuArgs(spec('x86_64', 'kvm', false)), '-netdev')).toEqual([
      'user,id=n0,hostfwd=tcp:127.0.0.1:2222-:22',
    ]);
  });
  it('aarch64: virt machine, a 64-bit CPU for every accelerator, no firmware (direct kernel boot)', () => {
    const tcg = qemuArgs(spec('aarch64', 'tcg'));
    expect(values(tcg, '-machine')).toEqual(['virt,gic-version=max']);
    expect(values(tcg, '-cpu')).toEqual(['max,pauth-impdef=on']);
    expect(values(tcg, '-append')).toEqual(['console=ttyAMA0 root=/dev/vda']);
    expect(tcg).not.toContain('-bios');
    expect(values(tcg, '-drive').join(' ')).not.toMatch(/pflash/);
    expect(values(qemuArgs(spec('aarch64', 'hvf')), '-machine')).toEqual(['virt']);
    expect(values(qemuArgs(spec('aarch64', 'hvf')), '-cpu')).toEqual(['host']);
    expect(values(qemuArgs(spec('aarch64', 'kvm')), '-machine')).toEqual(['virt,gic-version=max']);
    expect(values(qemuArgs(spec('aarch64', 'kvm')), '-cpu')).toEqual(['host']);
    // Same devices as x86_64: virtio on virt's PCI bus.
    expect(values(tcg, '-device')).toEqual(values(qemuArgs(spec('x86_64', 'tcg')), '-device'));
  });
  it("machineArgs never leaves aarch64 on virt's 32-bit default CPU", () => {
    for (const accel of ['tcg', 'kvm', 'hvf', 'whpx'] as const) expect(machineArgs('aarch64', accel)).toContain('-cpu');
  });
  it('the binary follows the host architecture; WHARF_QEMU overrides it', () => {
    expect(hostArch('x64')).toBe('x86_64');
    expect(hostArch('arm64')).toBe('aarch64');
    expect(hostArch('ia32')).toBeNull();
    expect(qemuBinary('aarch64', {})).toBe('qemu-system-aarch64');
    expect(qemuBinary('x86_64', {})).toBe('qemu-system-x86_64');
    expect(qemuBinary('x86_64', { WHARF_QEMU: '/opt/q' })).toBe('/opt/q');
  });
});

describe('how QEMU is kept, per OS', () => {
  it('POSIX: daemonized, QMP on a Unix socket, a pid file', () => {
    const a = qemuArgs(spec('x86_64', 'tcg'), 'darwin');
    expect(a.at(-1)).toBe('-daemonize');
    expect(values(a, '-qmp')).toEqual(['unix:/vms/default/qmp.sock,server=on,wait=off']);
    expect(values(a, '-pidfile')).toEqual(['/vms/default/qemu.pid']);
    expect(qmpAddress(vmFiles('/vms', 'default'), 'linux')).toBe('/vms/default/qmp.sock');
  });

  it('Windows: no -daemonize (POSIX only), QMP on a named pipe, the pid file still written', () => {
    const a = qemuArgs(spec('x86_64', 'whpx'), 'win32');
    expect(a).not.toContain('-daemonize');
    expect(values(a, '-pidfile')).toEqual(['/vms/default/qemu.pid']);
    const name = qmpPipeName(vmFiles('/vms', 'default'));
    expect(name).toMatch(/^wharf-qmp-[0-9a-f]{16}$/);
    expect(values(a, '-qmp')).toEqual([`pipe:${name}`]);
    expect(qmpAddress(vmFiles('/vms', 'default'), 'win32')).toBe(`\\\\.\\pipe\\${name}`);
    // Two data folders never share a pipe; the rest of the command line is the same as elsewhere.
    expect(qmpPipeName(vmFiles('/other', 'default'))).not.toBe(name);
    const posix = qemuArgs(spec('x86_64', 'whpx'), 'linux');
    expect(a.slice(0, a.indexOf('-qmp'))).toEqual(posix.slice(0, posix.indexOf('-qmp')));
  });
});

describe('data disk on the host', () => {
  it('is created sparse and unformatted, grows only, and keeps its bytes', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wharf-disk-')), 'data.img');
    expect(ensureDataDisk(path, 8 << 20)).toBe('created');
    const st = statSync(path);
    expect(st.size).toBe(8 << 20);
    expect(st.blocks * 512).toBeLessThan(1 << 20); // sparse: nothing written
    writeFileSync(path, 'EXT4 pretend', { flag: 'r+' });
    expect(ensureDataDisk(path, 4 << 20)).toBe('kept'); // never shrinks
    expect(ensureDataDisk(path, 16 << 20)).toBe('grown');
    expect(statSync(path).size).toBe(16 << 20);
    expect(ensureDataDisk(path, 16 << 20)).toBe('kept');
    expect(readFileSync(path).subarray(0, 12).toString()).toBe('EXT4 pretend');
  });
});
