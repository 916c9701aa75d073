// The aarch64 command line, proved on a real qemu-system-aarch64 under TCG: the exact arguments
// qemuArgs() gives an aarch64 image (virt machine, 64-bit CPU, direct kernel boot with no firmware,
// both virtio disks, virtio-net, virtio-rng, the fw_cfg seed, serial to a file, daemonized) boot
// Debian's arm64 kernel into a trivial busybox init that reports what it sees and powers off.
// Needs scripts/vm/fetch-arm64-test-kernel.sh (run by the test when root can); skipped, with the
// reason printed, when QEMU for aarch64 or the kernel cannot be had.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImageFiles } from './image/image';
import { pidAlive, readPid } from './qemu/pids';
import { qemuArgs, qemuBinary } from './qemu/qemu-args';
import { vmFiles } from './vm-files';

function fetchKernel(): { dir: string } | { skip: string } {
  if (spawnSync(qemuBinary('aarch64', {}), ['--version']).status !== 0 && process.getuid?.() !== 0)
    return { skip: 'no qemu-system-aarch64 and not root to install it' };
  try {
    const out = execFileSync('bash', [resolve(__dirname, '../../scripts/vm/fetch-arm64-test-kernel.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10 * 60_000,
    });
    return { dir: out.trim().split('\n').at(-1) as string };
  } catch (e) {
    return {
      skip: `the arm64 kernel could not be fetched: ${(e as { stderr?: string }).stderr?.slice(-300) ?? (e as Error).message}`,
    };
  }
}

/** A newc initramfs: static arm64 busybox, qemu_fw_cfg.ko and an init that reports and powers off. */
function trivialInitrd(kdir: string, out: string): string {
  const root = join(out, 'initramfs');
  mkdirSync(join(root, 'bin'), { recursive: true });
  copyFileSync(join(kdir, 'busybox'), join(root, 'bin/busybox'));
  symlinkSync('busybox', join(root, 'bin/sh'));
  const ko = readdirSync(kdir).find((f) => f.startsWith('qemu_fw_cfg.ko'));
  if (ko) copyFileSync(join(kdir, ko), join(root, ko));
  writeFileSync(
    join(root, 'init'),
    [
      '#!/bin/sh',
      'B=/bin/busybox',
      '$B mkdir -p /proc /sys /dev && $B mount -t proc p /proc && $B mount -t sysfs s /sys && $B mount -t devtmpfs d /dev',
      `[ -f /${ko} ] && $B insmod /${ko}`,
      'echo "WHARF-ARCH $($B uname -m)"',
      'echo "WHARF-VIRTIO $($B cat /sys/bus/pci/devices/*/vendor | $B grep -c 0x1af4)"',
      'echo "WHARF-SEED $($B head -1 /sys/firmware/qemu_fw_cfg/by_name/opt/wharf/seed/raw)"',
      '$B poweroff -f',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  const file = join(out, 'trivial.cpio.gz');
  execFileSync('sh', ['-c', `cd "${root}" && find . | cpio -o -H newc --quiet | gzip -1 > "${file}"`]);
  return file;
}

const got = process.arch === 'arm64' ? { skip: 'an arm64 host runs the real image instead' } : fetchKernel();
const skip = 'skip' in got ? got.skip : null;
if (skip) console.warn(`SKIPPED aarch64-boot.int.test.ts: ${skip}`);

describe.skipIf(skip !== null)('aarch64 QEMU arguments boot a real arm64 kernel (TCG)', { timeout: 180_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'wharf-arm64-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('qemuArgs for aarch64 reach init with both disks, net, rng and the fw_cfg seed', async () => {
    const kdir = (got as { dir: string }).dir;
    const files = vmFiles(tmp, 'arm');
    mkdirSync(files.dir, { recursive: true });
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', files.rootDisk, '64M']);
    writeFileSync(files.dataDisk, '');
    execFileSync('truncate', ['-s', '64M', files.dataDisk]);
    writeFileSync(files.seed, 'WHARF_NONCE=arm64seed\n');
    const image = {
      dir: kdir,
      kernel: join(kdir, 'vmlinuz'),
      initrd: trivialInitrd(kdir, tmp),
      rootfs: '',
      manifest: {
        format: 1,
        version: 'arm64-trivial',
        arch: 'aarch64',
        cmdline: 'console=ttyAMA0 quiet panic=-1',
        files: {},
      },
    } as unknown as ImageFiles;
    const args = qemuArgs({
      files,
      image,
      settings: { cpus: 2, memoryMiB: 1024, diskGiB: 4, network: false } as never,
      accel: 'tcg',
      sshPort: 0,
      restrictNetwork: true,
    });
    const t0 = Date.now();
    const r = spawnSync(qemuBinary('aarch64', {}), args, { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0); // daemonized: QEMU accepted every argument
    const pid = readPid(files.pid);
    expect(pid).not.toBeNull();
    while (pidAlive(pid as number, 'qemu') && Date.now() - t0 < 150_000) await new Promise((ok) => setTimeout(ok, 250));
    const alive = pidAlive(pid as number, 'qemu');
    if (alive) process.kill(pid as number, 'SIGKILL');
    const log = existsSync(files.serialLog) ? readFileSync(files.serialLog, 'utf8') : '';
    console.log(`aarch64 trivial boot under TCG: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(alive, log.slice(-2000)).toBe(false); // it powered itself off
    expect(log).toContain('WHARF-ARCH aarch64');
    expect(log).toContain('WHARF-VIRTIO 5'); // root disk, data disk, net, rng, and the memory balloon (free page reporting)
    expect(log).toContain('WHARF-SEED WHARF_NONCE=arm64seed');
  });
});
