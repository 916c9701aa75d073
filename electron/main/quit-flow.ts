// The quit sequence around quit-decision.ts: every quit request is held until Wharf has decided
// what happens to the VM (asked at most once at a time), then the backend closes and the app exits.
import type { VmStateName } from '../../vm-backend/api/vm-types';
import { applyAnswer, planQuit, type QuitAnswer, type QuitPlan, type QuitVmPreference } from './quit-decision';

export interface QuitFlowDeps {
  /** The VM's state now (null: no VM, or it could not be read). */
  vmState(): Promise<VmStateName | null>;
  preference(): QuitVmPreference;
  savePreference(p: QuitVmPreference): void;
  /** Shows "Stop the VM too?" and resolves with the answer and the "remember" box. */
  ask(): Promise<{ answer: QuitAnswer; remember: boolean }>;
  /** Stops the VM gracefully (containers first); its own timeouts bound it. */
  stopVm(): Promise<void>;
  /** Stops the backend's streams and timers. */
  closeBackend(): Promise<void>;
  /** Quits for real: the flow lets the next quit request through. */
  exit(): void;
  /** Upper bound for closeBackend (default 2 s): a stuck engine stream never holds the quit. */
  closeTimeoutMs?: number;
}

export interface QuitFlow {
  /** Call from before-quit with the event's preventDefault; returns the plan it took (tests). */
  request(preventDefault: () => void): void;
  /** Resolves when the flow that is running (if any) is over. */
  settled(): Promise<QuitPlan | null>;
}

export function quitFlow(deps: QuitFlowDeps): QuitFlow {
  let phase: 'idle' | 'deciding' | 'asking' | 'done' = 'idle';
  let running: Promise<QuitPlan | null> = Promise.resolve(null);

  const decide = async (): Promise<QuitPlan | null> => {
    const vmState = await deps.vmState().catch(() => null);
    let plan = planQuit({ vmState, preference: deps.preference(), asking: false });
    if (plan.kind === 'ask') {
      phase = 'asking';
      const { answer, remember } = await deps.ask().catch(() => ({ answer: 'cancel' as const, remember: false }));
      const r = applyAnswer(answer, remember);
      if (r.save) deps.savePreference(r.save);
      if (!r.plan) return null;
      plan = r.plan;
      phase = 'deciding';
    }
    if (plan.kind === 'stop-vm') await deps.stopVm().catch(() => {});
    await Promise.race([
      deps.closeBackend().catch(() => {}),
      new Promise((r) => setTimeout(r, deps.closeTimeoutMs ?? 2000)),
    ]);
    return plan;
  };

  return {
    request(preventDefault) {
      if (phase === 'done') return;
      preventDefault();
      // Asked once: a second Cmd+Q while the question shows (or while the VM stops) waits for it.
      if (phase !== 'idle') return;
      phase = 'deciding';
      running = decide().then(
        (plan) => {
          if (!plan) {
            phase = 'idle';
            return null;
          }
          phase = 'done';
          deps.exit();
          return plan;
        },
        () => {
          phase = 'done';
          deps.exit();
          return null;
        },
      );
    },
    settled: () => running,
  };
}
