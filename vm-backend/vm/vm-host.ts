// The backend's one VM, beside whichever engine is active (like Docker Desktop's): made on first
// use (or handed over when Wharf started on the `vm` target), its state broadcast for the
// backend's whole life, and the same manager behind the `vm` engine when the user switches to it.
// Switching away does not stop it; the user does, from the VM panel or `wharf vm stop`.
import type { Connection } from '../connection/connection';
import { vmConnection } from './guest/vm-connection';
import type { VmManager } from './lifecycle/vm-manager';
import type { VmStatus } from './lifecycle/vm-state';
import { vmStartFailed } from './vm-errors';

export interface VmHostOptions {
  /** Makes the manager (default in the backend: createVmManager for its data folder). */
  make: () => VmManager;
  emit: (s: VmStatus) => void;
  /** The engine inside the running VM (default: the shared SSH connection, vm-connection.ts). */
  connection?: (vm: VmManager) => Connection;
}

const up = (s: VmStatus): boolean => s.state === 'running' || s.state === 'degraded';
const moving = (s: VmStatus): boolean => s.state === 'creating' || s.state === 'starting' || s.state === 'stopping';
const nextChange = (vm: VmManager): Promise<void> =>
  new Promise((resolve) => {
    const off = vm.machine.onChange(() => {
      off();
      resolve();
    });
  });

export class VmHost {
  private vm: VmManager | null = null;
  private ready: Promise<VmManager> | null = null;
  private closed = false;

  constructor(private readonly o: VmHostOptions) {}

  /** The manager once made (null before first use). */
  get made(): VmManager | null {
    return this.vm;
  }

  /** Takes a manager made (and reconciled) before the backend, e.g. to start on the `vm` target. */
  adopt(vm: VmManager): void {
    if (this.ready) throw new Error('the VM is already set up');
    this.vm = this.watch(vm);
    this.ready = Promise.resolve(vm);
  }

  /** The manager, made and reconciled with the VM's folder on first use; one for every caller. */
  get(): Promise<VmManager> {
    if (this.closed) return Promise.reject(new Error('the backend is closed'));
    this.ready ??= (async () => {
      const vm = this.o.make();
      this.vm = this.watch(vm);
      await vm.reconcile();
      return vm;
    })().catch((err: unknown) => {
      // Made again next time: a data folder that was not writable may be by then.
      this.vm?.close();
      this.vm = null;
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  /** The engine for the `vm` target: the VM started first unless it is up (waiting out a start,
   *  stop or restart already under way, from the panel or a previous switch). */
  async engine(log?: (line: string) => void): Promise<Connection> {
    const vm = await this.get();
    const off = log
      ? vm.machine.onChange((s) => log(`vm: ${s.state}${s.phase ? `/${s.phase}` : ''}: ${s.progress}`))
      : undefined;
    try {
      while (moving(vm.status)) await nextChange(vm);
      if (!up(vm.status)) {
        await vm.start();
        while (moving(vm.status)) await nextChange(vm);
      }
    } finally {
      off?.();
    }
    const s = vm.status;
    if (!up(s)) throw vmStartFailed(`${s.state}: ${s.problem?.message ?? s.progress}`);
    try {
      return (this.o.connection ?? vmConnection)(vm);
    } catch (err) {
      throw vmStartFailed((err as Error).message);
    }
  }

  /** Stops watching the VM as today's backend does on close: a running VM keeps running and the
   *  next launch re-attaches to it (reconcile.ts). */
  close(): void {
    this.closed = true;
    this.vm?.close();
  }

  private watch(vm: VmManager): VmManager {
    vm.machine.onChange((s) => this.o.emit(s));
    return vm;
  }
}
