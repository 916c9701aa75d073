// The search box: its term and one group per remote source (Hub, each registry), each loading,
// answered or failed on its own. Local matches are computed from the image list at render time.
import { create } from 'zustand';
import type { SearchGroup, SearchResult } from '../../../vm-backend/api/contract.search';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { errorShape } from '../../lib/error-shape';
import type { Bridge } from '../../bridge';

type SourceState =
  | { state: 'loading' }
  | { state: 'done'; group: SearchGroup }
  | { state: 'error'; error: WharfErrorShape };

export interface Picked extends SearchResult {
  source: string;
}

interface SearchState {
  open: boolean;
  term: string;
  sources: string[];
  groups: Record<string, SourceState>;
  picked: Picked | null;
  show(open: boolean): void;
  setTerm(term: string): void;
  pick(p: Picked | null): void;
}

export const useSearch = create<SearchState>()((set) => ({
  open: false,
  term: '',
  sources: [],
  groups: {},
  picked: null,
  show: (open) => set(open ? { open } : { open, picked: null }),
  setTerm: (term) => set({ term, picked: null }),
  pick: (picked) => set({ picked }),
}));

const DEBOUNCE_MS = 120;
export const MAX_TERM = 256;
let seq = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

const asShape = (e: unknown): WharfErrorShape => errorShape(e, 'SEARCH_FAILED');

/** Debounced: asks every remote source for `term`; answers of an older term are dropped. */
export function searchRemote(bridge: Bridge, term: string): void {
  if (timer) clearTimeout(timer);
  const mine = ++seq;
  const trimmed = term.trim();
  if (!trimmed) {
    useSearch.setState({ groups: {} });
    return;
  }
  timer = setTimeout(() => {
    timer = null;
    void (async () => {
      let registries: string[] = [];
      try {
        registries = (await bridge.call('registries:list', {})).map((r) => r.host);
      } catch {
        // The registries stay unknown; Hub is still asked.
      }
      if (mine !== seq) return;
      const sources = ['hub', ...registries];
      useSearch.setState({
        sources,
        groups: Object.fromEntries(sources.map((s) => [s, { state: 'loading' } as SourceState])),
      });
      for (const source of sources) {
        bridge.call('search:source', { source, term: trimmed }).then(
          (group) =>
            mine === seq &&
            useSearch.setState((s) => ({ groups: { ...s.groups, [source]: { state: 'done', group } } })),
          (err: unknown) =>
            mine === seq &&
            useSearch.setState((s) => ({ groups: { ...s.groups, [source]: { state: 'error', error: asShape(err) } } })),
        );
      }
    })();
  }, DEBOUNCE_MS);
}
