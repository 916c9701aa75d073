// Issue 7's figures, measured the way a user meets them: through `wharf vm` (the built CLI).
//  vm_boot_ratio: `wharf vm start` -> engine-ready (median of three later boots), divided by the same kernel
//    reaching a trivial init (a busybox initramfs that powers off) on the same accelerator.
//  vm_idle_cpu_pct: host CPU of the idle VM's QEMU (no containers) over 60 s, in % of one core.
//  vm_image_mb: what a user downloads (kernel + initrd + gzip of the root disk).
//  vm_stop_graceful (issue 15): of 10 containers that record their SIGTERM on a volume, how many did
//    before `wharf vm stop` powered the VM off (goal 10); vm_stop_10_containers_ms: that stop's time.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliPath } from '../support/out-dir';
import { round, type Bench } from './types';
import { startTermRecorders } from './vm-stop-graceful';

type GuestArch = 'x86_64' | 'aarch64';
// Bundled by esbuild (scripts/bench.sh); a require, so the e2e typecheck does not pull vm-backend in.
// The trivial VM takes the same binary, machine and CPU as Wharf's VM (qemu-args.ts).
const { machineArgs, qemuBinary } = require('../../vm-backend/vm/qemu/qemu-args') as {
  machineArgs(arch: GuestArch, accel: 'tcg'): string[];
  qemuBinary(arch: GuestArch): string;
};

const ROOT = resolve(process.cwd());
const CLI = cliPath();

function wharf(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(process.execPath, [CLI, 'vm', ...args], { env, timeout: 600_000 }, (err, stdout, stderr) =>
      err ? fail(new Error(`wharf vm ${args.join(' ')}: ${stdout}${stderr}`)) : ok(stdout),
    );
  });
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

/** A gzip'd newc initramfs whose init powers the machine off at once. */
function trivialInitrd(dir: string): string {
  const root = join(dir, 'initramfs');
  mkdirSync(join(root, 'bin'), { recursive: true });
  copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
  symlinkSync('busybox', join(root, 'bin/sh'));
  writeFileSync(join(root, 'init'), '#!/bin/sh\n/bin/busybox poweroff -f\n', { mode: 0o755 });
  const out = join(dir, 'trivial.cpio.gz');
  execFileSync('sh', ['-c', `cd "${root}" && find . | cpio -o -H newc --quiet | gzip -1 > "${out}"`]);
  return out;
}

function trivialBootMs(arch: GuestArch, kernel: string, initrd: string): Promise<number> {
  const t = performance.now();
  const console = arch === 'aarch64' ? 'ttyAMA0' : 'ttyS0';
  return new Promise((ok, fail) => {
    const q = spawn(
      qemuBinary(arch),
      [
        '-nodefaults',
        '-display',
        'none',
        '-accel',
        'tcg',
        ...machineArgs(arch, 'tcg'),
        '-smp',
        '2',
        '-m',
        '2048',
        '-kernel',
        kernel,
        '-initrd',
        initrd,
        '-append',
        `console=${console} quiet panic=-1`,
        '-no-reboot',
      ],
      { stdio: 'ignore' },
    );
    const timer = setTimeout(() => q.kill('SIGKILL'), 60_000);
    q.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) ok(performance.now() - t);
      else fail(new Error(`the trivial VM exited with ${code}`));
    });
  });
}

function cpuTicks(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(f[11]) + Number(f[12]); // utime + stime
}

export const vmBench: Bench = async (ctx) => {
  const image = execFileSync('bash', [join(ROOT, 'scripts/vm/build-image.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .at(-1) as string;
  const manifest = JSON.parse(readFileSync(join(image, 'manifest.json'), 'utf8'));
  const f = manifest.files;
  const imageMb = (f.kernel.size + f.initrd.size + (f.rootfs.compressed?.size ?? f.rootfs.size)) / 2 ** 20;
  const tmp = mkdtempSync(join(tmpdir(), 'wharf-vmbench-'));
  const env = { ...process.env, WHARF_DATA_DIR: tmp, WHARF_VM_IMAGE: image, WHARF_VM_ACCEL: 'tcg' };
  try {
    const trivial: number[] = [];
    const initrd = trivialInitrd(tmp);
    for (let i = 0; i < 3; i++) trivial.push(await trivialBootMs(manifest.arch, join(image, f.kernel.name), initrd));
    trivial.sort((a, b) => a - b);
    const trivialMs = trivial[1] as number;
    ctx.log(`trivial init: ${trivial.map((x) => Math.round(x)).join(', ')} ms`);
    await wharf(env, 'create', '--no-network', '--cpus', '2', '--memory', '2048', '--disk', '8');
    const firstMs = await timed(() => wharf(env, 'start'));
    ctx.log(`first boot (host keys, Docker's first start): ${Math.round(firstMs)} ms`);
    // Later boots, three of them (the median is the figure: one boot swings with the host's load,
    // as the trivial boot's three do).
    const boots: number[] = [];
    const stops: number[] = [];
    for (let i = 0; i < 3; i++) {
      stops.push(await timed(() => wharf(env, 'stop')));
      boots.push(await timed(() => wharf(env, 'start')));
    }
    const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[1] as number;
    const bootMs = med(boots);
    const stopMs = med(stops);
    ctx.log(
      `later boots: ${boots.map((x) => Math.round(x)).join(', ')} ms; stops took ${stops.map((x) => Math.round(x)).join(', ')} ms`,
    );
    // Idle: let the boot settle, then 60 s of QEMU's own CPU time.
    await new Promise((r) => setTimeout(r, 10_000));
    const pid = Number(readFileSync(join(tmp, 'vms/default/qemu.pid'), 'utf8').trim());
    const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const c0 = cpuTicks(pid);
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 60_000));
    const idlePct = ((cpuTicks(pid) - c0) / hz / ((performance.now() - t0) / 1000)) * 100;
    // Graceful stop: 10 containers, each with Docker's default 10 s stop timeout, stopped at once.
    const countTerms = await startTermRecorders(tmp, 10);
    const stop10Ms = await timed(() => wharf(env, 'stop'));
    await wharf(env, 'start');
    const graceful = await countTerms();
    ctx.log(`graceful stop: ${graceful} of 10 containers recorded SIGTERM; the stop took ${Math.round(stop10Ms)} ms`);
    return {
      vm_boot_ms: Math.round(bootMs),
      vm_first_boot_ms: Math.round(firstMs),
      vm_trivial_init_ms: Math.round(trivialMs),
      vm_boot_ratio: round(bootMs / trivialMs, 2),
      vm_stop_ms: Math.round(stopMs),
      vm_idle_cpu_pct: round(idlePct, 1),
      vm_image_mb: round(imageMb, 1),
      vm_stop_graceful: graceful,
      vm_stop_10_containers_ms: Math.round(stop10Ms),
    };
  } finally {
    await wharf(env, 'stop', '--force').catch(() => '');
    rmSync(tmp, { recursive: true, force: true });
  }
};
