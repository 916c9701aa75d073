// The QEMU command line for both guest architectures (pure, so it is tested without QEMU).
//  x86_64:  qemu-system-x86_64, the default `pc` machine, serial on ttyS0.
//  aarch64: qemu-system-aarch64 -machine virt (a PCI bus for the same virtio devices), serial on
//           the PL011 (ttyAMA0). Booted like x86_64, straight from the image's kernel and initrd
//           (-kernel: QEMU's built-in loader starts an arm64 Image on `virt`), so no UEFI firmware
//           file is needed: nothing to look for under Homebrew's share/qemu, Debian's qemu-efi-aarch64
//           or AAVMF, and no EFI partition in the image. The kernel command line (console=ttyAMA0)
//           comes from the image's manifest, like the rest of the boot.
import { createHash } from 'node:crypto';
import type { Accel } from './accel';
import type { VmFiles } from '../vm-files';
import type { StartSpec } from '../driver';
import { type GuestArch, hostArch } from '../guest-arch';
import { hostPlaces, locateQemu } from './qemu-locate';

/** qemu-system-<arch>; WHARF_QEMU overrides it (a full path, or a wrapper in tests), else qemu-locate's order. */
export function qemuBinary(arch: GuestArch = hostArch() ?? 'x86_64', env: NodeJS.ProcessEnv = process.env): string {
  return locateQemu(arch, { ...hostPlaces(), env });
}

/** Machine and CPU model for an architecture and accelerator. */
export function machineArgs(arch: GuestArch, accel: Accel): string[] {
  if (arch === 'aarch64') {
    // `virt` defaults to a 32-bit cortex-a15: a 64-bit CPU must be named. Under TCG `max` with the
    // cheap (implementation-defined) pointer-auth algorithm: QARMA emulation is slow. hvf emulates
    // the GIC in QEMU itself and keeps the default GICv2; kvm and tcg take the newest GIC.
    const machine = accel === 'hvf' ? 'virt' : 'virt,gic-version=max';
    return ['-machine', machine, '-cpu', accel === 'tcg' ? 'max,pauth-impdef=on' : 'host'];
  }
  // `-cpu host` is what a hardware accelerator wants; TCG keeps QEMU's default model.
  return accel === 'tcg' ? [] : ['-cpu', 'host'];
}

/** QMP's name in Windows' pipe namespace: one per VM folder (a hash of it, so two data folders never share one). */
export function qmpPipeName(files: VmFiles): string {
  return `wharf-qmp-${createHash('sha256').update(files.dir).digest('hex').slice(0, 16)}`;
}

/** Where the QMP client connects: the Unix socket, or on Windows the named pipe (Node's net takes both). */
export function qmpAddress(files: VmFiles, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? `\\\\.\\pipe\\${qmpPipeName(files)}` : files.qmp;
}

/** How QEMU is kept, QMP reached and the pid recorded: POSIX daemonizes; Windows has no -daemonize
 *  (nor a Unix socket Node can reach), so QEMU stays a detached child of the backend, its QMP is a
 *  named pipe, and -pidfile still records its pid for a later Wharf to find. */
export function lifecycleArgs(files: VmFiles, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') return ['-qmp', `pipe:${qmpPipeName(files)}`, '-pidfile', files.pid];
  return ['-qmp', `unix:${files.qmp},server=on,wait=off`, '-pidfile', files.pid, '-daemonize'];
}

/** QEMU's option syntax doubles a comma inside a value. */
const optValue = (v: string): string => v.replaceAll(',', ',,');

/** One 9p device per shared folder (`-virtfs` picks the virtio-9p transport of the machine).
 *  security_model=none: files are read and written as the user running QEMU, so a file a container
 *  writes is the user's on this computer, and symlinks stay symlinks (mapped-xattr would keep the
 *  guest's owner in xattrs and store symlinks as plain files). multidevs=remap: a home folder
 *  spanning several file systems would otherwise give the guest clashing inode numbers. */
export function shareArgs(shares: readonly string[] = []): string[] {
  return shares.flatMap((path, i) => [
    '-virtfs',
    `local,path=${optValue(path)},mount_tag=wharf${i},security_model=none,multidevs=remap`,
  ]);
}

export function qemuArgs(s: StartSpec, platform: NodeJS.Platform = process.platform): string[] {
  const { files, image, settings } = s;
  const arch = image.manifest.arch;
  const net = `user,id=n0,hostfwd=tcp:127.0.0.1:${s.sshPort}-:22${s.restrictNetwork ? ',restrict=on' : ''}`;
  return [
    '-name',
    `wharf-${files.dir.split(/[\\/]/).pop() ?? 'vm'}`,
    '-nodefaults',
    '-display',
    'none',
    '-no-user-config',
    '-accel',
    s.accel,
    ...machineArgs(arch, s.accel),
    '-smp',
    String(settings.cpus),
    '-m',
    String(settings.memoryMiB),
    '-kernel',
    image.kernel,
    '-initrd',
    image.initrd,
    '-append',
    image.manifest.cmdline,
    // Both disks as explicit devices, root first: it is /dev/vda (root= in the image's cmdline).
    // The guest finds its data disk by serial (wharf-data.sh), formats it when blank, mounts it.
    '-drive',
    `file=${files.rootDisk},format=qcow2,if=none,id=root,discard=unmap`,
    '-device',
    'virtio-blk-pci,drive=root,serial=wharf-root',
    '-drive',
    `file=${files.dataDisk},format=raw,if=none,id=data,discard=unmap`,
    '-device',
    'virtio-blk-pci,drive=data,serial=wharf-data',
    '-netdev',
    net,
    '-device',
    'virtio-net-pci,netdev=n0',
    '-device',
    'virtio-rng-pci',
    // Free page reporting: the guest tells QEMU which pages it freed (containers that stopped) and
    // QEMU gives them back to the host, so QEMU's resident memory falls again after a workload.
    '-device',
    'virtio-balloon-pci,free-page-reporting=on',
    ...shareArgs(s.shares),
    '-fw_cfg',
    `name=opt/wharf/seed,file=${files.seed}`,
    '-serial',
    `file:${files.serialLog}`,
    ...lifecycleArgs(files, platform),
  ];
}
