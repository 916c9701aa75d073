// The QEMU driver: builds the command line, starts QEMU daemonized (so its own start errors, such
// as a taken SSH port, come back at once; on Windows, which has no -daemonize, a detached child
// watched until its QMP answers), and stops it through QMP or a signal.
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { StartSpec, VmDriver } from '../driver';
import type { ImageFiles } from '../image/image';
import { qemuArgs, qemuBinary, qmpAddress } from './qemu-args';
import { locateQemuImg } from './qemu-locate';
import { pidAlive, readPid } from './pids';
import { qmpCommand } from './qmp';
import { explainQemuStart, noQemu } from './qemu-problems';
import type { VmFiles } from '../vm-files';
import type { VmSettings } from '../vm-settings';
import type { VmProblem } from '../lifecycle/vm-state';

const run = promisify(execFile);

export { qemuBinary } from './qemu-args';

export class QemuDriver implements VmDriver {
  readonly kind = 'qemu' as const;
  constructor(
    private readonly bin = qemuBinary(),
    private readonly img = locateQemuImg(bin),
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async unavailable(): Promise<VmProblem | null> {
    try {
      await run(this.bin, ['--version'], { timeout: 10_000 });
      return null;
    } catch (e) {
      return noQemu(this.bin, (e as Error).message);
    }
  }

  async prepare(files: VmFiles, image: ImageFiles, settings: VmSettings): Promise<{ rootReplaced: boolean }> {
    // The root disk is a thin layer over the cached base: a new base swaps the layer, not the data.
    const backing = existsSync(files.rootDisk) ? await qcowBacking(this.img, files.rootDisk) : null;
    const rootReplaced = backing !== image.rootfs;
    if (rootReplaced) {
      rmSync(files.rootDisk, { force: true });
      await run(this.img, ['create', '-q', '-f', 'qcow2', '-b', image.rootfs, '-F', 'raw', files.rootDisk], {
        timeout: 30_000,
      });
    }
    ensureDataDisk(files.dataDisk, settings.diskGiB * 1024 ** 3);
    return { rootReplaced };
  }

  async start(spec: StartSpec): Promise<number> {
    rmSync(spec.files.pid, { force: true });
    rmSync(spec.files.qmp, { force: true });
    if (this.platform === 'win32') return this.startDetached(spec);
    const child = spawn(this.bin, qemuArgs(spec, this.platform), { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (c) => resolve(c));
    });
    writeFileSync(spec.files.qemuLog, stderr);
    const pid = readPid(spec.files.pid);
    if (code !== 0 || pid === null)
      throw Object.assign(new Error('QEMU did not start'), {
        problem: explainQemuStart(stderr || `exit code ${code}`, spec.sshPort),
      });
    return pid;
  }

  /** Windows: no -daemonize, so QEMU runs detached (it outlives a quitting Wharf, as a daemonized
   *  one does), its errors go to qemu.log, and it counts as started once its QMP pipe answers. */
  private async startDetached(spec: StartSpec): Promise<number> {
    const log = openSync(spec.files.qemuLog, 'w');
    const child = spawn(this.bin, qemuArgs(spec, this.platform), {
      detached: true,
      windowsHide: true,
      stdio: ['ignore', 'ignore', log],
    });
    closeSync(log);
    let exited: number | null | undefined;
    child.on('exit', (c) => (exited = c));
    const spawned = await new Promise<Error | null>((resolve) => {
      child.once('spawn', () => resolve(null));
      child.once('error', resolve);
    });
    child.unref();
    for (let i = 0; !spawned && exited === undefined && i < 100; i++) {
      if (
        await qmpCommand(qmpAddress(spec.files, this.platform), 'query-status', undefined, 500).then(
          () => true,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (spawned || exited !== undefined || child.pid === undefined)
      throw Object.assign(new Error('QEMU did not start'), {
        problem: explainQemuStart(
          readText(spec.files.qemuLog) || spawned?.message || `exit code ${exited}`,
          spec.sshPort,
        ),
      });
    // QEMU's -pidfile names the same process; written here too in case it has not yet.
    if (readPid(spec.files.pid) === null) writeFileSync(spec.files.pid, String(child.pid));
    return child.pid;
  }

  alivePid(files: VmFiles): number | null {
    const pid = readPid(files.pid);
    if (pid !== null && pidAlive(pid, 'qemu')) return pid;
    if (pid !== null) rmSync(files.pid, { force: true });
    return null;
  }

  async powerdown(files: VmFiles): Promise<void> {
    await qmpCommand(qmpAddress(files, this.platform), 'system_powerdown');
  }

  async kill(files: VmFiles): Promise<void> {
    const pid = this.alivePid(files);
    if (pid !== null) {
      try {
        await qmpCommand(qmpAddress(files, this.platform), 'quit', undefined, 1000);
      } catch {
        // QMP gone: fall through to the signal
      }
      if (pidAlive(pid, 'qemu')) process.kill(pid, 'SIGKILL');
    }
    for (let i = 0; i < 50 && pid !== null && pidAlive(pid, 'qemu'); i++) await new Promise((r) => setTimeout(r, 100));
    rmSync(files.pid, { force: true });
    rmSync(files.qmp, { force: true });
  }
}

/** The data disk on the host is only a sparse raw file (no space until Docker writes): the guest
 *  formats it on first boot (wharf-data.sh), so the host needs no mkfs. Grows only; the guest's
 *  resize2fs takes the new space at the next boot. Never shrinks, never rewrites. */
export function ensureDataDisk(path: string, bytes: number): 'created' | 'grown' | 'kept' {
  if (!existsSync(path)) {
    writeFileSync(path, '', { flag: 'wx' });
    truncateSync(path, bytes);
    return 'created';
  }
  if (statSync(path).size < bytes) {
    truncateSync(path, bytes);
    return 'grown';
  }
  return 'kept';
}

async function qcowBacking(img: string, path: string): Promise<string | null> {
  try {
    const { stdout } = await run(img, ['info', '--output=json', '-U', path], { timeout: 10_000 });
    return (JSON.parse(stdout) as { 'backing-filename'?: string })['backing-filename'] ?? null;
  } catch {
    return null;
  }
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
