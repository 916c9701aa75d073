// Helpers for the VM integration test and benchmarks: the cached image, a busybox image tar, a
// host port forwarded into the VM, and whether this host can run QEMU at all.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sshArgs } from '../guest/guest-link';
import type { VmFiles } from '../vm-files';

/** Null when QEMU can run here; else the reason the VM tests are skipped. */
export function qemuMissingReason(): string | null {
  const r = spawnSync(process.env.WHARF_QEMU ?? 'qemu-system-x86_64', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return `QEMU cannot run on this host (${r.error?.message ?? r.stderr.trim()})`;
  return null;
}

/** Builds the guest image (cached: instant the second time) and returns its folder;
 *  WHARF_VM_IMAGE names a prebuilt image folder instead (a run pinned to a known-good image). */
export function buildImage(): string {
  if (process.env.WHARF_VM_IMAGE) return process.env.WHARF_VM_IMAGE;
  const script = resolve(__dirname, '../../../scripts/vm/build-image.sh');
  const out = execFileSync('bash', [script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 15 * 60_000,
  });
  return out.trim().split('\n').at(-1) as string;
}

/** A tar of a one-binary busybox root (static busybox from the host), for `docker import`. */
export function busyboxTar(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-bb-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'www'));
  copyFileSync('/bin/busybox', join(dir, 'bin/busybox'));
  for (const a of ['sh', 'cat', 'echo', 'httpd', 'sleep', 'ls']) symlinkSync('busybox', join(dir, 'bin', a));
  return execFileSync('tar', ['-C', dir, '-c', '.'], { maxBuffer: 64 << 20 });
}

/** `ssh -N -L hostPort:127.0.0.1:guestPort` with the pinned key; resolves when the forward answers. */
export async function forwardPort(
  files: VmFiles,
  sshPort: number,
  hostPort: number,
  guestPort: number,
): Promise<ChildProcess> {
  const child = spawn(
    'ssh',
    [
      '-N',
      '-o',
      'ExitOnForwardFailure=yes',
      '-L',
      `127.0.0.1:${hostPort}:127.0.0.1:${guestPort}`,
      ...sshArgs(files, sshPort),
    ],
    { stdio: 'ignore' },
  );
  await new Promise((r) => setTimeout(r, 1500));
  return child;
}
