// The VM's state as the UI and the CLI see it (the state machine lives in vm-backend/vm/vm-state.ts).
export type VmStateName = 'absent' | 'creating' | 'stopped' | 'starting' | 'running' | 'degraded' | 'stopping' | 'broken' | 'error';
export type StartPhase = 'booting' | 'ssh-ready' | 'engine-ready';

export interface VmProblem {
  code: string;
  message: string;
  hint: string;
  detail?: string;
}

export interface VmStatus {
  name: string;
  state: VmStateName;
  phase?: StartPhase;
  /** What is happening now, e.g. "Booting the kernel (software emulation)". */
  progress: string;
  /** When this state began (ms since epoch). */
  since: number;
  /** When the running VM booted, for uptime. */
  bootedAt?: number;
  accel?: string;
  /** Something the user should know that is not an error (e.g. an accelerator fell back to tcg). */
  notice?: string;
  problem?: VmProblem;
  sshPort?: number;
}

