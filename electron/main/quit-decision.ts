// What quitting does with Wharf's VM, as Docker Desktop does it: a VM that runs (or is starting)
// makes Wharf ask once, "Stop the VM too?", unless the user asked it to remember an answer.
// Pure: the shell feeds it the VM's state and the remembered preference, and acts on the plan.
import type { VmStateName } from '../../vm-backend/api/vm-types';

/** The remembered answer: ask every time (default), always stop the VM, or always leave it running. */
export type QuitVmPreference = 'ask' | 'stop' | 'keep';

export type QuitPlan =
  /** Nothing of the VM's to decide: quit now. */
  | { kind: 'quit' }
  /** Show the question. */
  | { kind: 'ask' }
  /** The question is already open: this quit (a second Cmd+Q) waits for its answer. */
  | { kind: 'wait' }
  /** Stop the VM, then quit. */
  | { kind: 'stop-vm' }
  /** Quit and leave the VM running (the next launch re-attaches to it). */
  | { kind: 'keep-vm' };

/** States in which a VM is (or is about to be) using this computer's CPU and memory. */
const ALIVE: ReadonlySet<VmStateName> = new Set<VmStateName>(['running', 'degraded', 'starting', 'creating']);

export function vmIsAlive(state: VmStateName | null | undefined): boolean {
  return state != null && ALIVE.has(state);
}

export function planQuit(input: {
  vmState: VmStateName | null | undefined;
  preference: QuitVmPreference;
  /** The question is showing now. */
  asking: boolean;
}): QuitPlan {
  if (!vmIsAlive(input.vmState)) return { kind: 'quit' };
  if (input.asking) return { kind: 'wait' };
  if (input.preference === 'stop') return { kind: 'stop-vm' };
  if (input.preference === 'keep') return { kind: 'keep-vm' };
  return { kind: 'ask' };
}

export type QuitAnswer = 'stop' | 'keep' | 'cancel';

/** The plan for the user's answer, and the preference to save (null: keep the saved one). */
export function applyAnswer(
  answer: QuitAnswer,
  remember: boolean,
): { plan: QuitPlan | null; save: QuitVmPreference | null } {
  // Cancel never remembers anything, even with the box ticked: it answers no question.
  if (answer === 'cancel') return { plan: null, save: null };
  return {
    plan: { kind: answer === 'stop' ? 'stop-vm' : 'keep-vm' },
    save: remember ? answer : null,
  };
}

/** The message box's buttons, in order; its answer is an index into this list. */
export const QUIT_BUTTONS: readonly QuitAnswer[] = ['stop', 'keep', 'cancel'];

export function answerAt(index: number): QuitAnswer {
  return QUIT_BUTTONS[index] ?? 'cancel';
}
