// runtime.json: what a start leaves for the next app run to reconcile (and settings.json I/O).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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

export const newNonce = (): string => randomBytes(12).toString('hex');

export function readRuntime(files: VmFiles): VmRuntime | null {
  try {
    return JSON.parse(readFileSync(files.runtime, 'utf8')) as VmRuntime;
  } catch {
    return null;
  }
}
export function writeRuntime(files: VmFiles, r: VmRuntime): void {
  writeFileSync(files.runtime, JSON.stringify(r, null, 2));
}
export function clearRuntime(files: VmFiles): void {
  rmSync(files.runtime, { force: true });
}

export function readSettings(files: VmFiles): VmSettings | null {
  if (!existsSync(files.settings)) return null;
  const r = vmSettingsSchema.safeParse(JSON.parse(readFileSync(files.settings, 'utf8')));
  return r.success ? r.data : null;
}
export function writeSettings(files: VmFiles, s: VmSettings): void {
  writeFileSync(files.settings, JSON.stringify(s, null, 2));
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
