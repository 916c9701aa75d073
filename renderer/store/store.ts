import { create } from 'zustand';
import type { ContainerRow, EngineStatus, ImageRow, ListChange, Listing } from '../../vm-backend/api/types';
import { type ListState, applyChange, applyListing, emptyList } from './apply-change';
import type { TransportState } from '../bridge/types';

/** The main view shown: the id of one of domains.ts's VIEWS. */
export type View = string;

interface UiSlice {
  view: View;
  /** The docker command of the control under the pointer or focus, and of the last action run. */
  cliHover: string | null;
  cliLast: string | null;
  selectedContainer: string | null;
  setView(v: View): void;
  showCli(cmd: string | null): void;
  ranCli(cmd: string): void;
  selectContainer(id: string | null): void;
}

interface DataSlice {
  engine: EngineStatus | null;
  backendLink: TransportState;
  containers: ListState<ContainerRow>;
  images: ListState<ImageRow>;
  setEngine(s: EngineStatus): void;
  setBackendLink(s: TransportState): void;
  containersListed(l: Listing<ContainerRow>): void;
  containersChanged(c: ListChange<ContainerRow>): void;
  imagesListed(l: Listing<ImageRow>): void;
  imagesChanged(c: ListChange<ImageRow>): void;
  /** The backend restarted (web mode): its sequence numbers start again. */
  forgetSeq(): void;
}

export type WharfState = UiSlice & DataSlice;

export const useStore = create<WharfState>()((set) => ({
  view: 'containers',
  cliHover: null,
  cliLast: null,
  selectedContainer: null,
  setView: (view) => set({ view }),
  showCli: (cliHover) => set({ cliHover }),
  ranCli: (cliLast) => set({ cliLast }),
  selectContainer: (selectedContainer) => set({ selectedContainer }),

  engine: null,
  backendLink: 'connecting',
  containers: emptyList(),
  images: emptyList(),
  setEngine: (engine) => set({ engine }),
  setBackendLink: (backendLink) => set({ backendLink }),
  containersListed: (l) => set((s) => ({ containers: applyListing(s.containers, l) })),
  containersChanged: (c) => set((s) => ({ containers: applyChange(s.containers, c) })),
  imagesListed: (l) => set((s) => ({ images: applyListing(s.images, l) })),
  imagesChanged: (c) => set((s) => ({ images: applyChange(s.images, c) })),
  forgetSeq: () => set((s) => ({ containers: { ...s.containers, seq: -1 }, images: { ...s.images, seq: -1 } })),
}));
