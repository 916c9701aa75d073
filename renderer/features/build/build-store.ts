// Builds as the backend reports them (build:changed, build:list on (re)connect), the one the view
// shows, and the form (kept while the view is left). Log text never goes through this store: it
// reaches the terminal through onBuildOutput.
import { create } from 'zustand';
import type { BuildInspect, BuildOutput, BuildRecord } from '../../../vm-backend/api/contract.build';
import type { BuildForm } from '../../../vm-backend/api/rules/build-form';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge';

export interface BuildFormState extends BuildForm {
  /** The tags as typed (comma separated). */
  tagsText: string;
}

interface BuildState {
  byId: Record<string, BuildRecord>;
  /** The build the view shows (the last started, or one picked in the history). */
  shown: string | null;
  form: BuildFormState;
  inspect: BuildInspect | null;
  inspectError: WharfErrorShape | null;
  upsert(r: BuildRecord): void;
  listed(rs: BuildRecord[]): void;
  show(id: string | null): void;
  setForm(f: Partial<BuildFormState>): void;
  setInspect(i: BuildInspect | null, e: WharfErrorShape | null): void;
}

export const emptyBuildForm = (): BuildFormState => ({
  folder: '',
  dockerfile: 'Dockerfile',
  tags: [],
  tagsText: '',
  buildArgs: [],
  noCache: false,
  pull: false,
});

export const useBuilds = create<BuildState>()((set) => ({
  byId: {},
  shown: null,
  form: emptyBuildForm(),
  inspect: null,
  inspectError: null,
  upsert: (r) =>
    set((s) => {
      const before = s.byId[r.id];
      // A late running record never overwrites a final one.
      if (before && before.state !== 'running' && r.state === 'running') return s;
      return { byId: { ...s.byId, [r.id]: r } };
    }),
  listed: (rs) =>
    set((s) => ({ byId: { ...Object.fromEntries(rs.map((r) => [r.id, r])), ...pickRunning(s.byId, rs) } })),
  show: (shown) => set({ shown }),
  setForm: (f) => set((s) => ({ form: { ...s.form, ...f } })),
  setInspect: (inspect, inspectError) => set({ inspect, inspectError }),
}));

/** Records this window has that the list did not carry yet (started between list and answer). */
function pickRunning(have: Record<string, BuildRecord>, listed: BuildRecord[]): Record<string, BuildRecord> {
  const ids = new Set(listed.map((r) => r.id));
  return Object.fromEntries(Object.entries(have).filter(([id, r]) => !ids.has(id) && r.state === 'running'));
}

/** Newest first. */
export const sortedBuilds = (byId: Record<string, BuildRecord>): BuildRecord[] =>
  Object.values(byId).sort((a, b) => b.startedAt - a.startedAt);

const outputListeners = new Set<(o: BuildOutput) => void>();
/** Log text as it comes, for the terminal that shows that build. */
export function onBuildOutput(listener: (o: BuildOutput) => void): () => void {
  outputListeners.add(listener);
  return () => void outputListeners.delete(listener);
}

export function subscribeBuilds(bridge: Bridge): () => void {
  const offChanged = bridge.on('build:changed', (r) => useBuilds.getState().upsert(r));
  const offOutput = bridge.on('build:output', (o) => {
    for (const l of outputListeners) l(o);
  });
  const list = (): void =>
    void bridge.call('build:list', {}).then(
      (rs) => useBuilds.getState().listed(rs),
      () => undefined,
    );
  const offTransport = bridge.onTransport((t) => {
    if (t === 'open') list();
  });
  list();
  return () => {
    offChanged();
    offOutput();
    offTransport();
  };
}
