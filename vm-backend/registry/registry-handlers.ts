// Handlers of the search, pull and registries calls, kept apart from backend.ts.
import type { CallName, CallOutput, CallParsed } from '../api/contract';
import type { ClientLink } from '../api/client-link';
import { PullManager } from '../engine/pull/pull-manager';
import type { EngineSession } from '../engine/session';
import { RegistryStore } from './registry-store';
import { SearchService } from './search-service';

type RegistryCall =
  | 'search:source'
  | 'search:tags'
  | 'pull:start'
  | 'pull:cancel'
  | 'registries:list'
  | 'registries:add'
  | 'registries:remove'
  | 'registries:test';
type H<K extends CallName> = (input: CallParsed<K>, client?: ClientLink) => Promise<CallOutput<K>> | CallOutput<K>;

export function registryHandlers(
  session: EngineSession,
  store = new RegistryStore(),
): { handlers: { [K in RegistryCall]: H<K> }; pulls: PullManager; close(): void } {
  const engineSearch = (
    term: string,
  ): Promise<Array<{ name?: string; description?: string; star_count?: number; is_official?: boolean }>> =>
    session.client().searchImages({ term, limit: 25 }) as Promise<Array<{ name?: string }>>;
  const search = new SearchService(store, engineSearch);
  const pulls = new PullManager(session, store);
  return {
    handlers: {
      'search:source': ({ source, term }) => search.search(source, term),
      'search:tags': ({ source, repository, cursor }) => search.tags(source, repository, cursor),
      'pull:start': ({ ref }, client) => pulls.start(client, ref),
      'pull:cancel': ({ pull }, client) => pulls.cancel(client, pull),
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
    },
    pulls,
    close: () => pulls.closeAll(),
  };
}
