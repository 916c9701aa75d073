// While the VM runs: is QEMU still alive, and do SSH and the engine inside still answer? A failed
// check (or the SSH link dropping) makes the VM degraded; an answer makes it running again; a
// vanished QEMU process ends the watch. The probe is injected, so the transitions are unit-tested.
export type CheckResult = 'ok' | 'ssh' | 'engine';

export interface WatchProbe {
  /** The hypervisor process still runs. Cheap: called every `aliveMs`. */
  alive(): boolean;
  /** 'ok', or what does not answer: 'ssh' (the guest's SSH) or 'engine' (Docker inside). */
  check(): Promise<CheckResult>;
  /** Calls back when the SSH link drops, so a check runs at once instead of at the next tick. */
  onDrop?(cb: () => void): () => void;
  close(): Promise<void>;
}

export interface WatchEvents {
  degraded(why: Exclude<CheckResult, 'ok'>): void;
  recovered(): void;
  exited(): void;
}

export interface WatchTiming {
  aliveMs: number;
  /** Between checks while healthy (modest: one SSH channel each time). */
  pingMs: number;
  /** Between checks while degraded (to notice recovery soon). */
  retryMs: number;
  /** Consecutive failed checks before the VM is called degraded (a link drop counts at once). */
  failures: number;
}

export const DEFAULT_TIMING: WatchTiming = { aliveMs: 1000, pingMs: 10_000, retryMs: 3000, failures: 2 };

export class VmWatch {
  private failed = 0;
  private degraded = false;
  private stopped = false;
  private checking: Promise<void> | null = null;
  private aliveTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private offDrop: (() => void) | null = null;

  constructor(
    private readonly probe: WatchProbe,
    private readonly events: WatchEvents,
    private readonly timing: WatchTiming = DEFAULT_TIMING,
  ) {}

  get isDegraded(): boolean {
    return this.degraded;
  }

  start(): void {
    this.aliveTimer = setInterval(() => this.checkAlive(), this.timing.aliveMs);
    this.aliveTimer.unref();
    this.offDrop =
      this.probe.onDrop?.(() => {
        this.failed = Math.max(this.failed, this.timing.failures - 1);
        void this.checkNow();
      }) ?? null;
    this.schedule(this.timing.pingMs);
  }

  /** True while QEMU lives; else reports the exit (once) and stops. */
  checkAlive(): boolean {
    if (this.stopped) return false;
    if (this.probe.alive()) return true;
    void this.stop();
    this.events.exited();
    return false;
  }

  /** One check of SSH and the engine (concurrent calls share it). */
  checkNow(): Promise<void> {
    this.checking ??= this.runCheck().finally(() => (this.checking = null));
    return this.checking;
  }

  private async runCheck(): Promise<void> {
    if (!this.checkAlive()) return;
    const r = await this.probe.check().catch((): CheckResult => 'ssh');
    if (this.stopped || !this.checkAlive()) return;
    if (r === 'ok') {
      this.failed = 0;
      if (this.degraded) {
        this.degraded = false;
        this.events.recovered();
      }
    } else if (++this.failed >= this.timing.failures && !this.degraded) {
      this.degraded = true;
      this.events.degraded(r);
    }
    this.schedule(this.degraded || this.failed > 0 ? this.timing.retryMs : this.timing.pingMs);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.pingTimer) clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => void this.checkNow(), ms);
    this.pingTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.aliveTimer) clearInterval(this.aliveTimer);
    if (this.pingTimer) clearTimeout(this.pingTimer);
    this.offDrop?.();
    await this.probe.close().catch(() => {});
  }
}
