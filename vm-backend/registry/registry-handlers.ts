// The search:* and registries:* calls: search per source, and the registries Wharf signs in to.
import type { CallName } from '../api/contract';
import type { HandlerMap } from '../api/handler';
import type { EngineSearch } from './hub';
import type { RegistryStore } from './registry-store';
import { SearchService } from './search-service';

/** What the registry's handlers need: the saved registries and the engine's own search. */
export interface RegistryContext {
  readonly registries: RegistryStore;
  readonly engineSearch: EngineSearch;
}

export type RegistryCall = Extract<CallName, `search:${string}` | `registries:${string}`>;

export function registryHandlers({ registries: store, engineSearch }: RegistryContext): HandlerMap<RegistryCall> {
  const search = new SearchService(store, engineSearch);
  return {
    'search:source': ({ source, term }) => search.search(source, term),
    'search:tags': ({ source, repository, cursor }) => search.tags(source, repository, cursor),
    'search:image-sources': ({ image }) => search.imageSources(image),
    'registries:list': () => store.list(),
    'registries:add': async (input) => {
      search.forget(input.host);
      return store.put(input);
    },
    'registries:remove': async ({ host }) => {
      search.forget(host);
      await store.remove(host);
      return null;
    },
    'registries:test': async (input) => {
      const saved = await store.get(input.host);
      const secret = input.secret || (saved && saved.username === input.username ? saved.secret : undefined);
      return search.test({
        host: input.host,
        ...(input.username ? { username: input.username } : {}),
        ...(secret ? { secret } : {}),
      });
    },
  };
}
