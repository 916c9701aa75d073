// Search per source: Docker Hub (with the engine's search as fallback) or one configured
// registry's catalog. Each source answers or fails on its own, within a time limit, so one
// hanging or broken registry only fills its own row with an error.
import type { ImageSources, SearchGroup, TagPage } from '../api/contract.search';
import { hasCode, WharfError } from '../api/errors';
import { type EngineSearch, hubHasTag, hubTags, searchHub } from './hub';
import { findImageSources } from './image-sources';
import type { RegistryStore } from './registry-store';
import { registryNoCatalog, registryNotConfigured } from './registry-errors';
import { RegistryClient, type RegistryTarget } from './v2-client';

const SOURCE_TIMEOUT_MS = 8000;
const CATALOG_TTL_MS = 30_000;
const MAX_RESULTS = 50;

/** Search text as text: control characters dropped, trimmed, at most 128 characters. */
function cleanTerm(term: string): string {
  return term
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .trim()
    .slice(0, 128);
}

export class SearchService {
  private catalogs = new Map<string, { at: number; names: Promise<{ repositories: string[]; truncated: boolean }> }>();

  constructor(
    private readonly store: RegistryStore,
    private readonly engineSearch?: EngineSearch,
    private readonly timeoutMs = SOURCE_TIMEOUT_MS,
  ) {}

  private async target(host: string): Promise<RegistryTarget> {
    const t = await this.store.get(host);
    if (!t) throw registryNotConfigured(host);
    return t;
  }

  private client(t: RegistryTarget): RegistryClient {
    return new RegistryClient(t, { signal: AbortSignal.timeout(this.timeoutMs) });
  }

  /** The catalog, fetched once per TTL and shared by every keystroke meanwhile. */
  private catalog(t: RegistryTarget): Promise<{ repositories: string[]; truncated: boolean }> {
    const hit = this.catalogs.get(t.host);
    if (hit && Date.now() - hit.at < CATALOG_TTL_MS) return hit.names;
    const names = this.client(t).catalog();
    this.catalogs.set(t.host, { at: Date.now(), names });
    names.catch(() => this.catalogs.delete(t.host));
    return names;
  }

  /** Registries changed: forget what was cached for `host`. */
  forget(host: string): void {
    this.catalogs.delete(host);
  }

  async search(source: string, rawTerm: string): Promise<SearchGroup> {
    const term = cleanTerm(rawTerm);
    if (source === 'hub') {
      if (!term) return { source, results: [] };
      return searchHub(term, this.engineSearch, AbortSignal.timeout(this.timeoutMs));
    }
    const t = await this.target(source);
    let repositories: string[];
    let truncated = false;
    try {
      ({ repositories, truncated } = await this.catalog(t));
    } catch (err) {
      if (err instanceof WharfError && hasCode(err, 'REGISTRY_NOT_FOUND')) return this.withoutCatalog(t, term);
      throw err;
    }
    const needle = term.toLowerCase();
    const matches = repositories.filter((r) => r.includes(needle));
    const results = matches
      .slice(0, MAX_RESULTS)
      .map((repository) => ({ name: `${t.host}/${repository}`, repository }));
    return { source, results, ...(truncated || matches.length > MAX_RESULTS ? { truncated: true } : {}) };
  }

  /** A registry without /v2/_catalog: the term itself may name a repository. */
  private async withoutCatalog(t: RegistryTarget, term: string): Promise<SearchGroup> {
    if (/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(term)) {
      try {
        await this.client(t).tags(term, 1);
        return { source: t.host, results: [{ name: `${t.host}/${term}`, repository: term }] };
      } catch {
        // Falls through to the explanation.
      }
    }
    throw registryNoCatalog(t.host);
  }

  /** Where `image` can be pulled from: Hub and each saved registry (search:image-sources). */
  imageSources(image: string): Promise<ImageSources> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    // One client per registry for this look: its sign-in (Basic or a Bearer token) is answered once,
    // not again for each repository asked.
    const clients = new Map<string, RegistryClient>();
    const client = (t: RegistryTarget): RegistryClient => {
      let c = clients.get(t.host);
      if (!c) clients.set(t.host, (c = new RegistryClient(t, { signal })));
      return c;
    };
    return findImageSources(image, {
      registries: () => this.store.all(),
      catalog: (t) => this.catalog(t),
      hasTag: (t, repository, reference) => client(t).hasTag(repository, reference),
      hubHasTag: (repository, tag) => hubHasTag(repository, tag, signal),
    });
  }

  async tags(source: string, repository: string, cursor?: string): Promise<TagPage> {
    if (source === 'hub') return hubTags(repository, cursor, AbortSignal.timeout(this.timeoutMs));
    const t = await this.target(source);
    const page = await this.client(t).tags(repository, 50, cursor);
    return { tags: page.tags.map((name) => ({ name })), ...(page.next ? { next: page.next } : {}) };
  }

  async test(t: RegistryTarget): Promise<{ catalog: boolean; repositories: number }> {
    const c = this.client(t);
    await c.ping();
    try {
      const { repositories } = await c.catalog(10_000);
      return { catalog: true, repositories: repositories.length };
    } catch {
      return { catalog: false, repositories: 0 };
    }
  }
}
