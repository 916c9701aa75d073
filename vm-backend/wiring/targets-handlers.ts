// The targets:* calls: the engines Wharf knows (targets.json, shared with `wharf context`), their
// last test, and switching the running engine (engine-switch.ts).
import type { CallName } from '../api/contract';
import type { TargetsOverview, TargetTestResult } from '../api/contract.targets';
import type { HandlerMap } from '../api/handler';
import type { SettingsNotice } from '../api/types';
import { WharfError } from '../api/errors';
import { probeTarget } from './probe-target';
import { targetBuiltIn, targetNameTaken, targetNotFound, targetNotSaved } from '../connection/target-errors';
import { targetFromForm } from '../connection/target-validate';
import { isBuiltIn, type Target, TargetError, type TargetStore } from '../connection/targets';
import type { EngineSwitch } from './engine-switch';

/** What targets:list reports about Wharf's settings files (settings-file.ts). */
export interface SettingsStatus {
  notices(): Promise<SettingsNotice[]>;
  /** Found at start: the data folder is not writable. */
  problem?: WharfError | null;
}

type TargetCall = Extract<CallName, `targets:${string}`>;

export function targetHandlers(
  store: TargetStore,
  engines: EngineSwitch,
  dataDir: string,
  settings: SettingsStatus = { notices: async () => [] },
): HandlerMap<TargetCall> {
  const tests = new Map<string, TargetTestResult>();

  const overview = async (): Promise<TargetsOverview> => {
    const notices = await settings.notices();
    const { targets } = store.list();
    const running = engines.current.target;
    // A target given on the command line (--engine) is listed too, so the active one is always there.
    const all = targets.some((t) => t.name === running.name) ? targets : [running, ...targets];
    return {
      targets: all.map((t) => ({ name: t.name, engine: t.engine, ...(t.identity ? { identity: t.identity } : {}) })),
      active: running.name,
      ...(engines.switching ? { switching: engines.switching } : {}),
      tests: Object.fromEntries([...tests].filter(([n]) => all.some((t) => t.name === n))),
      ...(notices.length ? { settingsNotices: notices } : {}),
      ...(settings.problem ? { dataDirProblem: settings.problem.toJSON() } : {}),
    };
  };
  const find = (name: string): Target => {
    const running = engines.current.target;
    if (name === running.name) return running;
    try {
      return store.get(name);
    } catch {
      throw targetNotFound(name);
    }
  };
  const exists = (name: string): boolean => store.list().targets.some((t) => t.name === name);
  const stored = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      if (e instanceof WharfError) throw e; // SETTINGS_WRITE_FAILED: the path and the OS's words
      throw targetNotSaved(e instanceof TargetError ? e.message : (e as Error).message);
    }
  };

  return {
    'targets:list': () => overview(),
    'targets:save': async ({ name, address, identity, previous }) => {
      const t = targetFromForm({ name, address, identity });
      if (previous !== undefined && !isBuiltIn(previous) && !exists(previous)) throw targetNotFound(previous);
      if ((previous ?? '') !== name && exists(name)) {
        throw targetNameTaken(name);
      }
      const wasActive = store.list().active;
      stored(() => {
        store.save(t);
        if (previous && previous !== name) {
          store.remove(previous);
          if (wasActive === previous) store.use(name);
        }
      });
      tests.delete(name);
      if (previous) tests.delete(previous);
      // The engine in use was edited: reconnect with the new address and key.
      if (engines.current.target.name === (previous ?? name)) await engines.use(t);
      return await overview();
    },
    'targets:remove': async ({ name }) => {
      if (isBuiltIn(name)) throw targetBuiltIn(name);
      if (!exists(name)) throw targetNotFound(name);
      stored(() => store.remove(name));
      tests.delete(name);
      if (engines.current.target.name === name) await engines.use(store.get(store.list().active));
      return await overview();
    },
    'targets:test': async ({ name }) => {
      const result = await probeTarget(find(name), dataDir);
      tests.set(name, result);
      return result;
    },
    'targets:use': async ({ name }) => {
      const t = find(name);
      const status = await engines.use(t);
      if (exists(name)) stored(() => store.use(name));
      return { overview: await overview(), status };
    },
  };
}
