// One VM's lifecycle: create, start (booting -> ssh-ready -> engine-ready), stop, reconcile.
// Every step goes through the state machine, so the UI and CLI see each transition.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import type { Accel, AccelChoice } from './accel';
import type { VmDriver } from './driver';
import type { ImageFiles } from './image';
import { enginePing, guestConnection, guestRun } from './guest-ssh';
import { pidAlive, readPid } from './pids';
import { reconcile } from './reconcile';
import { bootVm, StartFailure } from './vm-boot';
import { clearRuntime, readRuntime, readSettings, type VmRuntime, writeRuntime, writeSettings } from './vm-runtime';
import { defaultSettings, planSettings, type SettingsChange, type VmSettings } from './vm-settings';
import { checkVmName, type VmFiles, vmFiles } from './vm-files';
import { type VmStatus, VmStateMachine } from './vm-state';

export interface VmManagerOptions {
  vmsRoot: string;
  name?: string;
  driver: VmDriver;
  image: () => Promise<ImageFiles>;
  accel: () => Promise<AccelChoice>;
  /** Remembers an accelerator that hung, so the next start goes straight to tcg. */
  markHung?: (accel: Accel) => void;
  /** Off in tests: QEMU restrict=on. Overrides the setting when given. */
  restrictNetwork?: boolean;
  bootTimeoutMs?: number;
  hangTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export class VmManager {
  readonly files: VmFiles;
  readonly machine: VmStateMachine;
  private runtime: VmRuntime | null = null;
  private watch: NodeJS.Timeout | null = null;

  constructor(readonly opts: VmManagerOptions) {
    this.files = vmFiles(opts.vmsRoot, checkVmName(opts.name ?? 'default'));
    this.machine = new VmStateMachine(opts.name ?? 'default');
  }

  get status(): VmStatus {
    return this.machine.status;
  }
  get sshPort(): number | null {
    return this.runtime?.sshPort ?? null;
  }
  settings(): VmSettings | null {
    return readSettings(this.files);
  }

  /** Looks at the folder and the processes; call once before showing anything. */
  async reconcile(): Promise<VmStatus> {
    const r = await reconcile(this.files, this.opts.driver, (rt) => this.probe(rt));
    this.runtime = r.runtime ?? null;
    if (r.runtime) writeRuntime(this.files, r.runtime);
    this.machine.assume(r.state, r.progress, {
      ...(r.problem ? { problem: r.problem } : {}),
      ...(r.notice ? { notice: r.notice } : {}),
      ...(r.runtime ? { sshPort: r.runtime.sshPort, accel: r.runtime.accel, bootedAt: r.runtime.bootedAt } : {}),
    });
    if (r.state === 'running') this.watchProcess();
    return this.machine.status;
  }

  async create(settings?: Partial<VmSettings>): Promise<VmStatus> {
    if (this.status.state !== 'absent') return this.status;
    this.machine.to('creating', 'Creating the VM');
    try {
      mkdirSync(this.files.dir, { recursive: true, mode: 0o700 });
      const base = defaultSettings(cpus().length, Math.floor(totalmem() / 2 ** 20));
      writeSettings(this.files, { ...base, ...settings });
      return this.machine.to('stopped', 'Created (stopped)');
    } catch (e) {
      return this.machine.to('error', 'Could not create the VM', { problem: { code: 'VM_CREATE_FAILED', message: 'The VM folder could not be created.', hint: 'Check free disk space and permissions.', detail: (e as Error).message } });
    }
  }

  async start(): Promise<VmStatus> {
    if (this.status.state === 'absent') await this.create();
    if (this.status.state === 'running' || this.status.state === 'starting') return this.status;
    if (!this.machine.canGo('starting')) return this.status;
    const owner = readPid(this.files.lock);
    if (owner !== null && owner !== process.pid && pidAlive(owner)) {
      return this.machine.to('error', 'Another Wharf is starting this VM', { problem: { code: 'VM_LOCKED', message: `Wharf process ${owner} is starting or stopping this VM.`, hint: 'Wait for it, or quit that Wharf.' } });
    }
    writeFileSync(this.files.lock, String(process.pid));
    try {
      this.runtime = await bootVm(this, hostname());
      this.machine.to('running', 'Running', { sshPort: this.runtime.sshPort, accel: this.runtime.accel, bootedAt: this.runtime.bootedAt });
      this.watchProcess();
    } catch (e) {
      const problem = e instanceof StartFailure ? e.problem : { code: 'VM_START_FAILED', message: 'The VM did not start.', hint: 'See the details and the VM log.', detail: (e as Error).message };
      await this.opts.driver.kill(this.files).catch(() => {});
      clearRuntime(this.files);
      this.runtime = null;
      this.machine.to('error', problem.message, { problem });
    } finally {
      rmSync(this.files.lock, { force: true });
    }
    return this.status;
  }

  /** Engine stop, then ACPI power-down through QMP, then kill after the timeout. */
  async stop(force = false): Promise<VmStatus> {
    const st = this.status.state;
    if (st === 'absent' || st === 'stopped' || st === 'creating') return this.status;
    this.unwatch();
    this.machine.to('stopping', force ? 'Stopping (forced)' : 'Stopping Docker');
    const rt = this.runtime ?? readRuntime(this.files);
    if (rt) writeRuntime(this.files, { ...rt, phase: 'stopping' });
    const pid = this.opts.driver.alivePid(this.files);
    if (pid !== null && !force) {
      const conn = rt ? guestConnection(this.files, rt.sshPort) : null;
      let off: string | null = null;
      try {
        if (conn) await guestRun(conn, 'systemctl stop docker.socket docker.service containerd.service', 30_000).catch(() => null);
        this.machine.to('stopping', 'Powering off the VM');
        // The minimal guest has no logind to act on the ACPI button, so ask systemd over SSH first;
        // QMP system_powerdown is the path when SSH is gone, and a kill after the timeout the last.
        if (conn) off = await guestRun(conn, 'systemctl poweroff --no-block && echo WHARF-OFF', 10_000).catch(() => null);
      } finally {
        await conn?.close();
      }
      if (!off?.includes('WHARF-OFF')) await this.opts.driver.powerdown(this.files).catch(() => {});
      const until = Date.now() + (this.opts.stopTimeoutMs ?? 60_000);
      while (Date.now() < until && pidAlive(pid, 'qemu')) await new Promise((r) => setTimeout(r, 250));
    }
    await this.opts.driver.kill(this.files);
    clearRuntime(this.files);
    this.runtime = null;
    return this.machine.to('stopped', 'Stopped');
  }

  /** What a settings change would do; applies it unless something is refused. */
  changeSettings(patch: Partial<VmSettings>): SettingsChange & { applied: boolean; restartNeeded: boolean } {
    const cur = this.settings() ?? defaultSettings(cpus().length, Math.floor(totalmem() / 2 ** 20));
    const plan = planSettings(cur, patch, cpus().length, Math.floor(totalmem() / 2 ** 20));
    const applied = plan.refused.length === 0;
    if (applied) writeSettings(this.files, plan.settings);
    const live = ['running', 'starting', 'degraded'].includes(this.status.state);
    return { ...plan, applied, restartNeeded: applied && live && plan.needsRestart.length > 0 };
  }

  /** Quick: does the guest answer with this boot's nonce, and does its engine ping? */
  async probe(rt: VmRuntime, timeoutMs = 15_000): Promise<boolean> {
    const conn = guestConnection(this.files, rt.sshPort);
    try {
      return (await guestRun(conn, 'cat /run/wharf-boot-id', timeoutMs).catch(() => null))?.trim() === rt.nonce && (await enginePing(conn, timeoutMs));
    } finally {
      await conn.close();
    }
  }

  /** While running, notice a VM process that ends without being asked to. */
  private watchProcess(): void {
    this.unwatch();
    this.watch = setInterval(() => {
      if (this.opts.driver.alivePid(this.files) !== null) return;
      this.unwatch();
      // runtime.json stays: the next launch's reconcile also says the VM ended on its own.
      this.runtime = null;
      this.machine.to('error', 'The VM stopped unexpectedly', { problem: { code: 'VM_EXITED', message: 'The VM stopped unexpectedly (its QEMU process ended).', hint: 'Start it again; your images and volumes are on the data disk.' } });
    }, 1000);
    this.watch.unref();
  }
  private unwatch(): void {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
  }

  close(): void {
    this.unwatch();
  }
}
