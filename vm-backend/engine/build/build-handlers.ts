// The build:* calls. The manager is made on the first call (a scope that never builds touches no
// disk); the history lives in Wharf's data folder, one store per folder for every engine scope.
import { join } from 'node:path';
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import { wharfDataDir } from '../../connection/data-dir';
import type { ScopeContext } from '../scope-context';
import { addToDockerignore } from './dockerignore-add';
import { BuildManager } from './build-manager';
import { BuildStore } from './build-store';

type BuildCall = Extract<CallName, `build:${string}`>;

const stores = new Map<string, BuildStore>();
/** One store per folder: two scopes (before and after an engine switch) share the history. */
export function buildStore(dir = join(wharfDataDir(), 'builds')): BuildStore {
  let s = stores.get(dir);
  if (!s) stores.set(dir, (s = new BuildStore(dir)));
  return s;
}

export function buildHandlers(ctx: ScopeContext): HandlerMap<BuildCall> {
  let manager: BuildManager | null = null;
  const builds = (): BuildManager =>
    (manager ??= new BuildManager({
      client: () => ctx.session.client(),
      target: ctx.target,
      store: buildStore(),
      emit: (e, p) => ctx.emit(e, p),
      registryConfig: async () =>
        Object.fromEntries(
          (await ctx.registries.all())
            .filter((r) => r.username && r.secret)
            .map((r) => [r.host, { username: r.username ?? '', password: r.secret ?? '' }]),
        ),
    }));
  return {
    'build:inspect': ({ folder, dockerfile }) => builds().inspect(folder, dockerfile),
    'build:start': (input) => builds().start(input),
    'build:cancel': ({ build }) => builds().cancel(build),
    'build:list': () => builds().list(),
    'build:log': ({ build, from }) => builds().log(build, from),
    'build:ignore-add': ({ folder, pattern }) => addToDockerignore(folder, pattern),
  };
}
