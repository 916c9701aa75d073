// The user's folders in the VM, for real: one TCG boot of the guest image with a temp folder that
// stands for the home folder shared into it (9p, `-virtfs`). `docker run -v <that folder>:/app` in
// the VM sees the host's file and writes one back, and the host sees it owned by the user running
// QEMU (as Docker Desktop does), even when the container wrote it as root or as another uid.
// QEMU runs as an ordinary user (`-runas nobody`) because on a desktop it never runs as root; this
// test runs as root. The same boot checks the memory balloon: memory the guest frees goes back.
// Skipped, with the reason printed, only when QEMU cannot run on this host at all.
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestExec } from './guest/guest-link';
import { openImage } from './image/image';
import type { VmManager } from './lifecycle/vm-manager';
import { QemuDriver, qemuBinary } from './qemu/qemu-driver';
import { readPid } from './qemu/pids';
import { busyboxTar, buildImage, qemuMissingReason } from './testing/vm-fixtures';
import { createVmManager } from './vm-setup';

const skip = qemuMissingReason();
if (skip) console.warn(`SKIPPED vm-shares.int.test.ts: ${skip}`);

/** QEMU's resident memory (VmRSS) in MiB. */
const rssMiB = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

describe.skipIf(skip !== null)('shared folders and memory in the VM (TCG)', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wharf-vmshare-'));
  // Stands for the user's home folder; mode 0755 so an unprivileged QEMU can reach it.
  const top = mkdtempSync(join(tmpdir(), 'wharf-vmshare-home-'));
  chmodSync(top, 0o755);
  const home = join(top, 'me');
  const project = join(home, 'project, with a comma'); // QEMU's option syntax must escape it
  const root = process.getuid?.() === 0;
  // As root, QEMU drops to `nobody`, which then owns the folder (a user owns their home).
  const user = root ? { uid: 65534, gid: 65534 } : { uid: userInfo().uid, gid: userInfo().gid };
  let vm: VmManager;
  const sh = (cmd: string, input?: Buffer) => guestExec(vm.files, vm.sshPort as number, cmd, 120_000, input);

  beforeAll(async () => {
    const imageDir = buildImage();
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'hello.txt'), 'hello from the host\n');
    for (const p of [home, project, join(project, 'hello.txt')]) chownSync(p, user.uid, user.gid);
    const wrapper = join(dataDir, 'qemu-as-user');
    writeFileSync(wrapper, `#!/bin/sh\nexec ${qemuBinary()} ${root ? '-runas nobody ' : ''}"$@"\n`, { mode: 0o755 });
    vm = createVmManager(dataDir, {
      driver: new QemuDriver(wrapper, 'qemu-img'),
      image: () => openImage(imageDir),
      accel: async () => ({ accel: 'tcg', reason: 'tests use tcg' }),
      restrictNetwork: true,
      bootTimeoutMs: 240_000,
      stopTimeoutMs: 60_000,
    });
    await vm.reconcile();
    await vm.create({ cpus: 2, memoryMiB: 1536, diskGiB: 8, network: false, shares: [home] });
    const s = await vm.start();
    expect(s.problem).toBeUndefined();
    expect(s.state).toBe('running');
  }, 20 * 60_000);
  afterAll(async () => {
    await vm?.stop(true);
    vm?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(top, { recursive: true, force: true });
  });

  it('mounts the shared folder at the same path in the guest (9p)', async () => {
    const m = await sh(`findmnt -no FSTYPE,OPTIONS --target '${home}'`);
    expect(m.stdout).toMatch(/^9p\s.*trans=virtio/);
    expect((await sh(`cat '${project}/hello.txt'`)).stdout).toBe('hello from the host\n');
  });

  it('docker run -v sees the host file, writes one back, and the host sees it as the user', async () => {
    const load = await sh('docker import - wharf-fixture:1', busyboxTar());
    expect(load.code, load.stderr).toBe(0);
    const run = await sh(
      `docker run --rm --label wharf.test=1 -v '${project}':/app wharf-fixture:1 sh -c 'cat /app/hello.txt; echo written-in-vm > /app/from-container.txt'`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('hello from the host\n');
    const back = join(project, 'from-container.txt');
    expect(readFileSync(back, 'utf8')).toBe('written-in-vm\n');
    // The container wrote as root: on the host the file is the user's, as on Docker Desktop.
    expect({ uid: statSync(back).uid, gid: statSync(back).gid }).toEqual(user);
    // Another uid in the container, in a folder anyone may write: still the user's on the host
    // (the guest's chown to 1234 is not applied: security_model=none).
    const open = join(project, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    const other = await sh(
      `docker run --rm --label wharf.test=1 --user 1234:1234 -v '${project}':/app wharf-fixture:1 sh -c 'echo x > /app/open/by-1234.txt'`,
    );
    expect(other.code, other.stderr).toBe(0);
    expect(statSync(join(open, 'by-1234.txt')).uid).toBe(user.uid);
    // A change on the host is seen in the guest at once (cache=mmap keeps no stale copy).
    writeFileSync(join(project, 'hello.txt'), 'changed on the host\n');
    expect((await sh(`cat '${project}/hello.txt'`)).stdout).toBe('changed on the host\n');
  });

  it('gives memory the guest frees back to the host (free page reporting)', async () => {
    expect((await sh('cat /sys/bus/virtio/drivers/virtio_balloon/virtio*/features')).code).toBe(0);
    const pid = readPid(vm.files.pid) as number;
    const before = rssMiB(pid);
    // 600 MiB in the guest's page cache on a tmpfs, then freed.
    const fill = await sh('mount -t tmpfs -o size=700m none /mnt && head -c 600m /dev/zero > /mnt/x && sync');
    expect(fill.code, fill.stderr).toBe(0);
    const peak = rssMiB(pid);
    expect((await sh('rm /mnt/x && umount /mnt')).code).toBe(0);
    let after = peak;
    for (const end = Date.now() + 90_000; Date.now() < end && after > peak - 300; ) {
      await new Promise((r) => setTimeout(r, 2000));
      after = rssMiB(pid);
    }
    console.log(`QEMU RSS: ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} at peak, ${after.toFixed(0)} after`);
    expect(peak - before).toBeGreaterThan(400);
    expect(after).toBeLessThan(peak - 300);
  });
});
