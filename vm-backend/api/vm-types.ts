// The VM's state as the UI and the CLI see it (the state machine lives in vm-backend/vm/lifecycle/vm-state.ts).
export type VmStateName =
  | 'absent'
  | 'creating'
  | 'stopped'
  | 'starting'
  | 'running'
  | 'degraded'
  | 'stopping'
  | 'broken'
  | 'error';
export type StartPhase = 'booting' | 'ssh-ready' | 'engine-ready';

export interface VmProblem {
  /** Any string on the wire, as WharfErrorShape.code; the VM makes them as Coded<VmProblem>. */
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
  /** While starting: how long a start usually takes on this computer (median of the last few). */
  typicalBootMs?: number;
  accel?: string;
  /** Something the user should know that is not an error (e.g. an accelerator fell back to tcg). */
  notice?: string;
  /** A check before the start that did not refuse it (low disk space, little free memory). */
  warning?: VmProblem;
  problem?: VmProblem;
  sshPort?: number;
}

/** What "delete data" would lose. Counts are null when the VM is not running (unknown). */
export interface VmDataSummary {
  images: number | null;
  containers: number | null;
  volumes: number | null;
  /** Bytes the data disk takes on this computer. */
  diskBytes: number | null;
}

/** A diagnose bundle (.tar.gz) made for download: `ticket` fetches it once in web mode. */
export interface VmDiagnoseResult {
  name: string;
  bytes: number;
  files: string[];
  ticket: string;
  /** The bundle itself, when asked for inline (the desktop app saves it through a dialog). */
  base64?: string;
}
