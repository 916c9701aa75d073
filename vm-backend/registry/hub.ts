// Docker Hub: its (undocumented) search API and its tags API; the engine's /images/search as the
// fallback for search. Offline, both fail fast on DNS, and the group says "unreachable: no network".
import type { SearchGroup, SearchResult, TagPage } from '../api/contract.search';
import { hasCode, WharfError } from '../api/errors';
import { type HttpAnswer, isObject, parseJson, request } from './http';
import { hubError, statusError } from './registry-errors';

const HUB = 'hub.docker.com';
const HUB_TIMEOUT_MS = 4000;

/** What the engine's /images/search answers (dockerode's searchImages). */
export type EngineSearch = (
  term: string,
) => Promise<Array<{ name?: string; description?: string; star_count?: number; is_official?: boolean }>>;

async function hubGet(path: string, signal?: AbortSignal): Promise<HttpAnswer> {
  const a = await request(`https://${HUB}${path}`, HUB, { timeoutMs: HUB_TIMEOUT_MS, ...(signal ? { signal } : {}) });
  if (a.status !== 200) throw statusError(a.status, HUB, a.text, a.headers);
  return a;
}

async function hubSearch(term: string, signal?: AbortSignal): Promise<SearchResult[]> {
  const q = new URLSearchParams({ query: term, page_size: '25' });
  const a = await hubGet(`/v2/search/repositories/?${q}`, signal);
  const body = parseJson(a.text, HUB, (v): v is { results: unknown[] } => isObject(v) && Array.isArray(v.results));
  return body.results.flatMap((r) => {
    if (!isObject(r) || typeof r.repo_name !== 'string') return [];
    const name = r.repo_name;
    return [
      {
        name,
        repository: name.includes('/') ? name : `library/${name}`,
        ...(typeof r.short_description === 'string' ? { description: r.short_description.slice(0, 300) } : {}),
        ...(typeof r.star_count === 'number' ? { stars: r.star_count } : {}),
        ...(typeof r.pull_count === 'number' ? { pulls: r.pull_count } : {}),
        ...(r.is_official === true ? { official: true } : {}),
      },
    ];
  });
}

function fromEngine(items: Awaited<ReturnType<EngineSearch>>): SearchResult[] {
  return items.flatMap((r) =>
    typeof r.name === 'string'
      ? [
          {
            name: r.name,
            repository: r.name.includes('/') ? r.name : `library/${r.name}`,
            ...(r.description ? { description: r.description.slice(0, 300) } : {}),
            ...(typeof r.star_count === 'number' ? { stars: r.star_count } : {}),
            ...(r.is_official ? { official: true } : {}),
          },
        ]
      : [],
  );
}

/** Hub first; on any failure the engine's search; when both fail, one "Hub unreachable" error. */
export async function searchHub(
  term: string,
  engine: EngineSearch | undefined,
  signal?: AbortSignal,
): Promise<SearchGroup> {
  let hubErr: unknown;
  try {
    return { source: 'hub', results: await hubSearch(term, signal) };
  } catch (err) {
    hubErr = err;
  }
  if (engine) {
    try {
      return { source: 'hub', results: fromEngine(await engine(term)), via: 'engine' };
    } catch (err) {
      const detail = `${(hubErr as Error).message} | engine: ${(err as { json?: { message?: string } }).json?.message ?? (err as Error).message}`;
      throw hubError(hubErr, detail);
    }
  }
  throw hubError(hubErr, (hubErr as Error).message);
}

/** Hub tags, newest first, 25 a page; the cursor is the page number. */
export async function hubTags(repository: string, cursor?: string, signal?: AbortSignal): Promise<TagPage> {
  const [ns, repo] = repository.includes('/') ? repository.split('/', 2) : ['library', repository];
  const page = cursor && /^\d{1,4}$/.test(cursor) ? cursor : '1';
  const q = new URLSearchParams({ page, page_size: '25', ordering: 'last_updated' });
  let a: HttpAnswer;
  try {
    a = await hubGet(`/v2/namespaces/${ns}/repositories/${repo}/tags?${q}`, signal);
  } catch (err) {
    throw hubError(err, (err as Error).message);
  }
  const body = parseJson(
    a.text,
    HUB,
    (v): v is { results: unknown[]; next?: unknown } => isObject(v) && Array.isArray(v.results),
  );
  const tags = body.results.flatMap((t) =>
    isObject(t) && typeof t.name === 'string'
      ? [
          {
            name: t.name,
            ...(typeof t.full_size === 'number' ? { size: t.full_size } : {}),
            ...(typeof t.last_updated === 'string' ? { updated: t.last_updated } : {}),
          },
        ]
      : [],
  );
  return { tags, ...(typeof body.next === 'string' && body.next ? { next: String(Number(page) + 1) } : {}) };
}

/** Does Docker Hub have `repository:tag` ("library/hello-world", "latest")? Offline: HUB_NO_NETWORK. */
export async function hubHasTag(repository: string, tag: string, signal?: AbortSignal): Promise<boolean> {
  const [ns, repo] = repository.split('/', 2) as [string, string];
  try {
    await hubGet(`/v2/namespaces/${ns}/repositories/${repo}/tags/${encodeURIComponent(tag)}`, signal);
    return true;
  } catch (err) {
    if (err instanceof WharfError && hasCode(err, 'REGISTRY_NOT_FOUND')) return false;
    throw hubError(err, (err as Error).message);
  }
}
