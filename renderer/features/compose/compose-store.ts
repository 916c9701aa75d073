// The Projects view's state: which compose was found, the projects (opened and found through
// labels), what runs now and the last action's output per project. Containers' live state comes
// from the main store (containers:changed), joined by project and service in project-items.ts.
import { create } from 'zustand';
import type {
  ComposeActionInput,
  ComposeCliInfo,
  ComposeOpenInput,
  ComposeProject,
} from '../../../vm-backend/api/contract.compose';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge';
import { errorShape } from '../../lib/error-shape';

/** Output kept per project: the end of a long pull or build is what matters. */
const MAX_OUTPUT = 64 * 1024;

interface ComposeState {
  cli: ComposeCliInfo | null;
  projects: ComposeProject[];
  loaded: boolean;
  listError: WharfErrorShape | null;
  /** The command running for a project, if any. */
  running: Record<string, string>;
  output: Record<string, string>;
  errors: Record<string, WharfErrorShape | undefined>;
  load(bridge: Bridge): Promise<void>;
  open(bridge: Bridge, input: ComposeOpenInput): Promise<WharfErrorShape | null>;
  act(bridge: Bridge, input: ComposeActionInput, command: string): Promise<void>;
  forget(bridge: Bridge, project: string): Promise<void>;
  setCliPath(bridge: Bridge, path: string | undefined): Promise<void>;
}

export const useCompose = create<ComposeState>((set, get) => ({
  cli: null,
  projects: [],
  loaded: false,
  listError: null,
  running: {},
  output: {},
  errors: {},
  async load(bridge) {
    try {
      const [cli, projects] = await Promise.all([bridge.call('compose:cli', {}), bridge.call('compose:projects', {})]);
      set({ cli, projects, loaded: true, listError: null });
    } catch (e) {
      set({ loaded: true, listError: errorShape(e) });
    }
  },
  async open(bridge, input) {
    try {
      const p = await bridge.call('compose:open', input);
      set({
        projects: [p, ...get().projects.filter((x) => x.name !== p.name)].sort((a, b) => a.name.localeCompare(b.name)),
      });
      return null;
    } catch (e) {
      return errorShape(e);
    }
  },
  async act(bridge, input, command) {
    const p = input.project;
    set({
      running: { ...get().running, [p]: command },
      output: { ...get().output, [p]: '' },
      errors: { ...get().errors, [p]: undefined },
    });
    try {
      const r = await bridge.call('compose:action', input);
      set({ output: { ...get().output, [p]: r.output.slice(-MAX_OUTPUT) } });
    } catch (e) {
      set({ errors: { ...get().errors, [p]: errorShape(e) } });
    } finally {
      const { [p]: _done, ...rest } = get().running;
      set({ running: rest });
      void get().load(bridge);
    }
  },
  async forget(bridge, project) {
    await bridge.call('compose:forget', { project }).catch(() => {});
    await get().load(bridge);
  },
  async setCliPath(bridge, path) {
    try {
      const cli = await bridge.call('compose:set-cli-path', path ? { path } : {});
      set({ cli });
    } catch (e) {
      set({ cli: { found: false, error: errorShape(e) } });
    }
  },
}));

/** compose:progress (this window's actions only) into the project's output. */
export function subscribeCompose(bridge: Bridge): () => void {
  return bridge.on('compose:progress', ({ project, data }) => {
    const out = useCompose.getState().output;
    useCompose.setState({ output: { ...out, [project]: ((out[project] ?? '') + data).slice(-MAX_OUTPUT) } });
  });
}
