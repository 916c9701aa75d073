import { create } from 'zustand';
import type { RunForm } from '../../../vm-backend/api/rules/run-form';

/** What the run dialog was opened from: an image, or an existing container ("Run another"). */
export type RunSource =
  | { kind: 'image'; image: string /** From a search result: pull now, then fill the ports. */; pullFirst?: boolean }
  | { kind: 'container'; id: string; name: string }
  | { kind: 'form'; form: RunForm };

interface RunDialogState {
  source: RunSource | null;
  /** A container just run with -it whose terminal the details panel should open. */
  terminalFor: string | null;
  open(source: RunSource): void;
  close(): void;
  openTerminal(id: string): void;
  /** True once for the container asked for: the panel then shows its Shell tab. */
  takeTerminal(id: string): boolean;
}

export const useRunDialog = create<RunDialogState>()((set, get) => ({
  source: null,
  terminalFor: null,
  open: (source) => set({ source }),
  close: () => set({ source: null }),
  openTerminal: (terminalFor) => set({ terminalFor }),
  takeTerminal: (id) => {
    if (get().terminalFor !== id) return false;
    set({ terminalFor: null });
    return true;
  },
}));
