import { create } from 'zustand';
import type { RunForm } from '../../../vm-backend/api/run-form';

/** What the run dialog was opened from: an image, or an existing container ("Run another"). */
export type RunSource = { kind: 'image'; image: string } | { kind: 'container'; id: string; name: string } | { kind: 'form'; form: RunForm };

interface RunDialogState {
  source: RunSource | null;
  open(source: RunSource): void;
  close(): void;
}

export const useRunDialog = create<RunDialogState>()((set) => ({
  source: null,
  open: (source) => set({ source }),
  close: () => set({ source: null }),
}));
