import { create } from 'zustand';

/** Whether the registries settings dialog is open. */
export const useRegistriesDialog = create<{ open: boolean; show(open: boolean): void }>()((set) => ({
  open: false,
  show: (open) => set({ open }),
}));
