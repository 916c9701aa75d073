// One VM's lifecycle: create, start (booting -> ssh-ready -> engine-ready), stop, reconcile.
// Every step goes through the state machine, so the UI and CLI see each transition.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import { enginePing, guestConnection, guestRun } from '../guest/guest-ssh';
import { pidAlive, readPid } from '../qemu/pids';
import { recordBoot, typicalNextBootMs } from './boot-history';
import { reconcile } from './reconcile';
import { bootVm, StartFailure } from './vm-boot';
import { clearRuntime, readRuntime, readSettings, type VmRuntime, writeRuntime, writeSettings } from './vm-runtime';
import { defaultSettings, planSettings, type SettingsChange, type VmSettings } from '../vm-settings';
import { checkVmName, type VmFiles, vmFiles } from '../vm-files';
import { checkHost, type CheckResult, hostFacts } from './vm-checks';
import { guestProbe } from '../guest/vm-guest-probe';
import { bootShares, checkShares } from '../vm-shares';
import {
  checkFailed,
  createFailed,
  didNotStart,
  engineUnresponsive,
  exitedUnexpectedly,
  locked,
  sharesMissing,
  sshUnresponsive,
} from './vm-problems';
import { type VmProblem, type VmStatus, VmStateMachine } from './vm-state';
import type { VmManagerOptions } from './vm-options';
import { DEFAULT_TIMING, VmWatch } from './vm-watch';

/** How long the guest may take to stop dockerd and containerd: longer than the guest's own bound
 *  (docker.service TimeoutStopSec=45s), which is longer than a container's stop timeout (10 s by
 *  default, every container at once) + dockerd's 5 s of grace. */
const ENGINE_STOP_MS = 60_000;

export class VmManager {
  readonly files: VmFiles;
  readonly machine: VmStateMachine;
  private runtime: VmRuntime | null = null;
  private watch: VmWatch | null = null;

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
    if (r.state === 'running' && r.runtime) this.watchProcess(r.runtime);
    return this.machine.status;
  }

  async create(settings?: Partial<VmSettings>): Promise<VmStatus> {
    if (this.status.state !== 'absent') return this.status;
    // Checked before anything is made: a folder list that cannot be shared is a coded error.
    if (settings?.shares) checkShares(settings.shares);
    this.machine.to('creating', 'Creating the VM');
    try {
      mkdirSync(this.files.dir, { recursive: true, mode: 0o700 });
      const base = defaultSettings(cpus().length, Math.floor(totalmem() / 2 ** 20));
      const wanted = { ...base, ...settings };
      const { refuse } = this.checkHost(wanted);
      if (refuse) return this.machine.to('error', refuse.message, { problem: refuse });
      writeSettings(this.files, wanted);
      return this.machine.to('stopped', 'Created (stopped)');
    } catch (e) {
      return this.machine.to('error', 'Could not create the VM', { problem: createFailed((e as Error).message) });
    }
  }

  async start(): Promise<VmStatus> {
    if (this.status.state === 'absent' && (await this.create()).state !== 'stopped') return this.status;
    if (this.status.state === 'running' || this.status.state === 'starting') return this.status;
    if (!this.machine.canGo('starting')) return this.status;
    const owner = readPid(this.files.lock);
    if (owner !== null && owner !== process.pid && pidAlive(owner)) {
      return this.machine.to('error', 'Another Wharf is starting this VM', { problem: locked(owner) });
    }
    const settings = this.settings();
    const checked: CheckResult = settings ? this.checkHost(settings) : { refuse: null, warnings: [] };
    // Refused before anything starts: the settings or the host must change first.
    if (checked.refuse) return this.machine.to('error', checked.refuse.message, { problem: checked.refuse });
    const gone = settings ? bootShares(settings).missing : [];
    const warning: VmProblem | undefined = checked.warnings[0] ?? (gone.length ? sharesMissing(gone) : undefined);
    writeFileSync(this.files.lock, String(process.pid));
    const t0 = Date.now();
    const typical = typicalNextBootMs(this.files.bootHistory);
    try {
      this.machine.to('starting', 'Checking this computer', {
        phase: 'booting',
        ...(warning ? { warning } : {}),
        ...(typical ? { typicalBootMs: typical } : {}),
      });
      this.runtime = await bootVm(this, hostname());
      recordBoot(this.files.bootHistory, { ms: Date.now() - t0, accel: this.runtime.accel, at: Date.now() });
      this.machine.to('running', 'Running', {
        sshPort: this.runtime.sshPort,
        accel: this.runtime.accel,
        bootedAt: this.runtime.bootedAt,
      });
      this.watchProcess(this.runtime);
    } catch (e) {
      const problem = e instanceof StartFailure ? e.problem : didNotStart((e as Error).message);
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
        if (conn)
          await guestRun(conn, 'systemctl stop docker.socket docker.service containerd.service', ENGINE_STOP_MS).catch(
            () => null,
          );
        this.machine.to('stopping', 'Powering off the VM');
        // Ask systemd over SSH first; when SSH is gone, QMP system_powerdown presses the ACPI power
        // button, which the guest's wharf-powerbutton service turns into a clean poweroff (no logind
        // or acpid there); a kill after the timeout is the last resort.
        if (conn)
          off = await guestRun(conn, 'systemctl poweroff --no-block && echo WHARF-OFF', 10_000).catch(() => null);
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

  /** Stop (gracefully), then start: settings that need a restart take effect. */
  async restart(): Promise<VmStatus> {
    if (['running', 'degraded', 'broken', 'error'].includes(this.status.state))
      await this.stop(this.status.state === 'broken');
    return this.start();
  }

  /** What a settings change would do; applies it unless something is refused. */
  changeSettings(patch: Partial<VmSettings>): SettingsChange & { applied: boolean; restartNeeded: boolean } {
    const cur = this.settings() ?? defaultSettings(cpus().length, Math.floor(totalmem() / 2 ** 20));
    // A folder list that cannot be shared is a coded error (VM_SHARE_*), and nothing is saved.
    if (patch.shares) checkShares(patch.shares);
    const plan = planSettings(cur, patch, cpus().length, Math.floor(totalmem() / 2 ** 20));
    const applied = plan.refused.length === 0;
    if (applied) writeSettings(this.files, plan.settings);
    const live = ['running', 'starting', 'degraded'].includes(this.status.state);
    return { ...plan, applied, restartNeeded: applied && live && plan.needsRestart.length > 0 };
  }

  /** Quick: does the guest answer with this boot's nonce, and does its engine ping? */
  async probe(rt: VmRuntime, timeoutMs = 15_000): Promise<boolean> {
    if (this.opts.watchProbe) {
      const p = this.opts.watchProbe(rt);
      return p
        .check()
        .then((r) => r === 'ok')
        .finally(() => void p.close());
    }
    const conn = guestConnection(this.files, rt.sshPort);
    try {
      return (
        (await guestRun(conn, 'cat /run/wharf-boot-id', timeoutMs).catch(() => null))?.trim() === rt.nonce &&
        (await enginePing(conn, timeoutMs))
      );
    } finally {
      await conn.close();
    }
  }

  /** The up-front checks (disk space, memory) for these settings on this host. */
  checkHost(settings: VmSettings): CheckResult {
    try {
      return checkHost(settings, (this.opts.hostFacts ?? (() => hostFacts(this.files)))());
    } catch (e) {
      // A host that cannot say (no statfs) is not a reason to refuse.
      return {
        refuse: null,
        warnings: [checkFailed((e as Error).message)],
      };
    }
  }

  /** While running: QEMU alive, SSH and the engine answering (degraded when not), a vanished process. */
  private watchProcess(rt: VmRuntime): void {
    this.unwatch();
    const live = (): boolean => ['running', 'degraded'].includes(this.status.state);
    const probe = this.opts.watchProbe?.(rt) ?? guestProbe(this.files, this.opts.driver, rt.sshPort, rt.nonce);
    this.watch = new VmWatch(
      probe,
      {
        degraded: (why) => {
          if (!live()) return;
          const problem = why === 'ssh' ? sshUnresponsive() : engineUnresponsive();
          this.machine.to('degraded', why === 'ssh' ? 'Reconnecting to the VM' : 'Waiting for Docker in the VM', {
            problem,
          });
        },
        recovered: () => {
          if (this.status.state === 'degraded') this.machine.to('running', 'Running');
        },
        exited: () => {
          if (!live()) return;
          this.watch = null;
          // runtime.json stays: the next launch's reconcile also says the VM ended on its own.
          this.runtime = null;
          this.machine.to('error', 'The VM stopped unexpectedly', { problem: exitedUnexpectedly() });
        },
      },
      { ...DEFAULT_TIMING, ...this.opts.watchTiming },
    );
    this.watch.start();
  }
  private unwatch(): void {
    void this.watch?.stop();
    this.watch = null;
  }

  close(): void {
    this.unwatch();
  }
}
