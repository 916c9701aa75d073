// runtime.json: what a start leaves for the next app run to reconcile (and settings.json I/O).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { z } from 'zod';
import { readSettingsFile, writeSettingsFileSync } from '../../connection/settings-file';
import type { Accel } from '../qemu/accel';
import type { VmFiles } from '../vm-files';
import { type VmSettings, vmSettingsSchema } from '../vm-settings';

export interface VmRuntime {
  nonce: string;
  sshPort: number;
  accel: Accel;
  imageVersion: string;
  phase: 'starting' | 'running' | 'stopping';
  startedAt: number;
  bootedAt?: number;
  /** The app process that ran the start (a dead one means the start was interrupted). */
  ownerPid: number;
}

// runtime.json as written by writeRuntime; one that does not fit is set aside (settings-file.ts) and
// reconcile sees no runtime, as after a clean stop.
const runtimeSchema = z
  .object({
    nonce: z.string(),
    sshPort: z.number().int().min(1).max(65535),
    accel: z.enum(['hvf', 'kvm', 'whpx', 'tcg']),
    imageVersion: z.string(),
    phase: z.enum(['starting', 'running', 'stopping']),
    startedAt: z.number(),
    bootedAt: z.number().optional(),
    ownerPid: z.number().int(),
  })
  .nullable();

export const newNonce = (): string => randomBytes(12).toString('hex');

export function readRuntime(files: VmFiles): VmRuntime | null {
  return readSettingsFile(files.runtime, runtimeSchema, null);
}
export function writeRuntime(files: VmFiles, r: VmRuntime): void {
  writeSettingsFileSync(files.runtime, r);
}
export function clearRuntime(files: VmFiles): void {
  rmSync(files.runtime, { force: true });
}

/** settings.json; none (or one set aside as corrupt) means "not created yet" to the caller. */
export function readSettings(files: VmFiles): VmSettings | null {
  return readSettingsFile(files.settings, vmSettingsSchema.nullable(), null);
}
export function writeSettings(files: VmFiles, s: VmSettings): void {
  writeSettingsFileSync(files.settings, s);
}

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The port this VM used last when it is still free, else a new free one (remembered). */
export async function stickyPort(files: VmFiles): Promise<number> {
  const last = Number(existsSync(files.sshPort) ? readFileSync(files.sshPort, 'utf8').trim() : NaN);
  if (Number.isInteger(last) && last > 0 && (await portFree(last))) return last;
  const port = await freePort();
  writeFileSync(files.sshPort, String(port));
  return port;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}
