// The VM's lifecycle as a checked state machine: every transition is legal or throws (a bug), and
// each one is emitted (as 'vm:state') with progress text a person can read.
import type { Coded } from '../../api/error-codes';
import type { StartPhase, VmProblem as WireProblem, VmStateName, VmStatus } from '../../api/vm-types';

export type { StartPhase, VmStateName, VmStatus } from '../../api/vm-types';
/** A problem as the VM makes it: its code is one of ERROR_CODES (the wire type takes any code). */
export type VmProblem = Coded<WireProblem>;
/** What a transition may set; a problem or warning made here carries a listed code. */
type Extra = Partial<Omit<VmStatus, 'name' | 'state' | 'since' | 'problem' | 'warning'>> & {
  problem?: VmProblem;
  warning?: VmProblem;
};

const NEXT: Record<VmStateName, readonly VmStateName[]> = {
  absent: ['creating'],
  creating: ['stopped', 'error', 'absent'],
  stopped: ['starting', 'creating', 'absent', 'error'],
  starting: ['starting', 'running', 'stopping', 'stopped', 'broken', 'error'],
  running: ['degraded', 'stopping', 'stopped', 'broken', 'error'],
  degraded: ['running', 'stopping', 'stopped', 'broken', 'error'],
  stopping: ['stopped', 'broken', 'error'],
  broken: ['stopping', 'stopped', 'error'],
  error: ['starting', 'stopped', 'creating', 'absent', 'stopping'],
};

const PHASES: readonly StartPhase[] = ['booting', 'ssh-ready', 'engine-ready'];

export class IllegalTransition extends Error {}

export class VmStateMachine {
  private current: VmStatus;
  private listeners = new Set<(s: VmStatus) => void>();

  constructor(name: string, initial: VmStateName = 'absent', now: () => number = Date.now) {
    this.now = now;
    this.current = { name, state: initial, progress: '', since: now() };
  }
  private readonly now: () => number;

  get status(): VmStatus {
    return this.current;
  }

  canGo(to: VmStateName): boolean {
    // Staying in a state is a progress update ("Stopping Docker" -> "Powering off"), except creation.
    return to === this.current.state ? to !== 'absent' : NEXT[this.current.state].includes(to);
  }

  /** Moves to `to`; within 'starting' the phase may only move forward. */
  to(to: VmStateName, progress: string, extra: Extra = {}): VmStatus {
    const from = this.current;
    if (!this.canGo(to)) throw new IllegalTransition(`VM ${from.name}: ${from.state} -> ${to} is not allowed`);
    if (to === 'starting' && from.state === 'starting' && extra.phase && from.phase) {
      if (PHASES.indexOf(extra.phase) < PHASES.indexOf(from.phase)) {
        throw new IllegalTransition(`VM ${from.name}: start phase ${from.phase} -> ${extra.phase} goes backwards`);
      }
    }
    const keep =
      to === from.state ||
      (to === 'running' && from.state === 'starting') ||
      to === 'degraded' ||
      (to === 'running' && from.state === 'degraded');
    this.current = {
      name: from.name,
      state: to,
      progress,
      since: to === from.state ? from.since : this.now(),
      ...(keep
        ? {
            accel: from.accel,
            notice: from.notice,
            warning: from.warning,
            sshPort: from.sshPort,
            bootedAt: from.bootedAt,
            typicalBootMs: from.typicalBootMs,
          }
        : {}),
      ...(to === 'starting' && !extra.phase ? { phase: from.phase ?? 'booting' } : {}),
      ...extra,
    };
    if (to !== 'starting') delete this.current.phase;
    for (const l of this.listeners) {
      try {
        l(this.current);
      } catch {
        // a listener's failure never blocks the VM
      }
    }
    return this.current;
  }

  /** Sets the state from observed facts (reconcile on launch), without a transition check. */
  assume(state: VmStateName, progress: string, extra: Extra = {}): VmStatus {
    this.current = { name: this.current.name, state, progress, since: this.now(), ...extra };
    for (const l of this.listeners) {
      try {
        l(this.current);
      } catch {
        // as above
      }
    }
    return this.current;
  }

  onChange(listener: (s: VmStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
