// Issue 19's figures for the VM, measured on one boot made through `wharf vm` (the built CLI) with a
// temp folder shared as the user's home would be:
//  vm_idle_rss_mb: QEMU's resident memory 60 s after the engine is ready, no containers;
//  vm_after_containers_rss_mb: the same 30 s after 20 containers (each holding 32 MiB) were started
//    and removed (vm_containers_peak_rss_mb while they ran), so what free page reporting gave back shows;
//  bind_read_ratio: reading 100 MB from the shared (9p) folder in the VM over reading it from the
//    VM's own disk (median of 3, the guest's page cache dropped before each read);
//  bind_small_files_ratio: creating 5,000 small files there over the VM's own disk (median of 3).
// Timing is taken inside the guest (coreutils date), so SSH's own time is not counted.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliPath } from '../support/out-dir';
import { round, type Bench } from './types';

interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}
// Bundled by esbuild (scripts/bench.sh); a require, so the e2e typecheck does not pull vm-backend in.
const { vmFiles } = require('../../vm-backend/vm/vm-files') as {
  vmFiles(root: string, name: string): { sshPort: string; pid: string };
};
const { guestExec } = require('../../vm-backend/vm/guest/guest-link') as {
  guestExec(files: unknown, port: number, cmd: string, timeoutMs?: number, input?: Buffer): Promise<ExecResult>;
};
const { busyboxTar } = require('../../vm-backend/vm/testing/vm-fixtures') as { busyboxTar(): Buffer };

const ROOT = resolve(process.cwd());
const CLI = cliPath();
const MEMORY_MIB = 2048;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function wharf(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(process.execPath, [CLI, 'vm', ...args], { env, timeout: 600_000 }, (err, stdout, stderr) =>
      err ? fail(new Error(`wharf vm ${args.join(' ')}: ${stdout}${stderr}`)) : ok(stdout),
    );
  });
}

/** QEMU's resident memory in MiB, and how much of it is guest RAM (the mapping of exactly its size). */
function rss(pid: number): { total: number; guestRam: number } {
  const total = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  let guestRam = 0;
  let size = 0;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const s = /^Size:\s+(\d+) kB/.exec(line);
    if (s) size = Number(s[1]);
    const r = /^Rss:\s+(\d+) kB/.exec(line);
    if (r && size === MEMORY_MIB * 1024) guestRam += Number(r[1]) / 1024;
  }
  return { total: round(total, 0), guestRam: round(guestRam, 0) };
}

export const vmShareBench: Bench = async (ctx) => {
  const image = execFileSync('bash', [join(ROOT, 'scripts/vm/build-image.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .at(-1) as string;
  const tmp = mkdtempSync(join(tmpdir(), 'wharf-vmshare-bench-'));
  const share = mkdtempSync(join(tmpdir(), 'wharf-vmshare-bench-home-'));
  const env = { ...process.env, WHARF_DATA_DIR: tmp, WHARF_VM_IMAGE: image, WHARF_VM_ACCEL: 'tcg' };
  const files = vmFiles(join(tmp, 'vms'), 'default');
  const sh = async (cmd: string, input?: Buffer): Promise<string> => {
    const r = await guestExec(files, Number(readFileSync(files.sshPort, 'utf8').trim()), cmd, 600_000, input);
    if (r.code !== 0) throw new Error(`in the VM: ${cmd}: ${r.stderr}`);
    return r.stdout;
  };
  /** Runs `body` in the guest after dropping its caches; its time in ms, taken in the guest. */
  const guestMs = async (body: string): Promise<number> =>
    Number(
      await sh(`sync; echo 3 > /proc/sys/vm/drop_caches; s=$(date +%s%N); ${body}; e=$(date +%s%N); echo $((e - s))`),
    ) / 1e6;
  try {
    await wharf(env, 'create', '--no-network', '--cpus', '2', '--memory', String(MEMORY_MIB), '--disk', '8');
    await wharf(env, 'settings', '--share', share);
    await wharf(env, 'start');
    const pid = Number(readFileSync(files.pid, 'utf8').trim());
    await sleep(60_000);
    const idle = rss(pid);
    ctx.log(`idle 60 s after ready: QEMU RSS ${idle.total} MiB (guest RAM ${idle.guestRam} MiB of ${MEMORY_MIB})`);

    // 20 containers, each holding 32 MiB in its /dev/shm while it runs, then removed.
    await sh('docker import - wharf-bench-share:1', busyboxTar());
    for (let i = 0; i < 20; i++)
      await sh(
        `docker run -d --label wharf.test=1 --name mem-${i} wharf-bench-share:1 sh -c 'head -c 32m /dev/zero > /dev/shm/x; exec sleep 100000'`,
      );
    await sleep(5_000);
    const peak = rss(pid);
    await sh('docker rm -f $(docker ps -aq --filter label=wharf.test=1) >/dev/null');
    await sleep(30_000);
    const after = rss(pid);
    ctx.log(
      `20 containers: peak ${peak.total} MiB; 30 s after their removal ${after.total} MiB (guest RAM ${after.guestRam})`,
    );

    // 100 MB read: the shared folder (9p) against the VM's own disk (ext4 on virtio-blk, Docker's data disk).
    const own = '/var/lib/docker/wharf-bench';
    await sh(`mkdir -p ${own} && head -c 100000000 /dev/urandom > ${own}/big && cp ${own}/big '${share}/big'`);
    const readOwn: number[] = [];
    const readShare: number[] = [];
    for (let i = 0; i < 3; i++) {
      readOwn.push(await guestMs(`cat ${own}/big > /dev/null`));
      readShare.push(await guestMs(`cat '${share}/big' > /dev/null`));
    }
    ctx.log(
      `100 MB read: own disk ${readOwn.map(Math.round).join(', ')} ms; shared ${readShare.map(Math.round).join(', ')} ms`,
    );
    // 5,000 small files: one shell (dash), a write each.
    const make = (dir: string): string =>
      `mkdir -p '${dir}' && cd '${dir}' && i=0; while [ $i -lt 5000 ]; do echo x > f$i; i=$((i + 1)); done`;
    const smallOwn: number[] = [];
    const smallShare: number[] = [];
    for (let i = 0; i < 3; i++) {
      smallOwn.push(await guestMs(make(`${own}/small${i}`)));
      smallShare.push(await guestMs(make(`${share}/small${i}`)));
    }
    ctx.log(
      `5,000 small files: own disk ${smallOwn.map(Math.round).join(', ')} ms; shared ${smallShare.map(Math.round).join(', ')} ms`,
    );
    return {
      vm_idle_rss_mb: idle.total,
      vm_idle_guest_ram_rss_mb: idle.guestRam,
      vm_containers_peak_rss_mb: peak.total,
      vm_after_containers_rss_mb: after.total,
      bind_read_ratio: round(median(readShare) / median(readOwn), 2),
      bind_read_own_ms: Math.round(median(readOwn)),
      bind_small_files_ratio: round(median(smallShare) / median(smallOwn), 2),
      bind_small_files_own_ms: Math.round(median(smallOwn)),
    };
  } finally {
    await wharf(env, 'stop', '--force').catch(() => '');
    rmSync(tmp, { recursive: true, force: true });
    rmSync(share, { recursive: true, force: true });
  }
};
