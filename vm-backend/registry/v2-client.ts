// A Registry HTTP API v2 client for search: base check, catalog, tags/list, with the 401 challenge
// flow (Basic with stored credentials, or Bearer: fetch a token from the realm and retry).
import { pickChallenge } from './challenge';
import { type HttpAnswer, isObject, parseJson, type RequestOptions, request } from './http';
import { garbageError, repositoryNotFound, statusError } from './registry-errors';

export interface RegistryTarget {
  /** host[:port], as the user typed it and as image names carry it. */
  host: string;
  username?: string;
  /** Password or access token. */
  secret?: string;
}

export interface ClientOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Loopback registries are plain HTTP (dockerd treats them as insecure by default); others HTTPS. */
export function registryBaseUrl(host: string): string {
  const bare = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const loopback = bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
  return `${loopback ? 'http' : 'https'}://${host}`;
}

/** The "next" target of a Link header: `</v2/_catalog?last=x&n=100>; rel="next"`. */
export function nextLink(link: string | null): string | undefined {
  const m = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
  return m?.[1];
}

const isTokenAnswer = (v: unknown): v is { token?: string; access_token?: string } =>
  isObject(v) && (typeof v.token === 'string' || typeof v.access_token === 'string');

export class RegistryClient {
  private readonly base: string;
  private authHeader: string | undefined;

  constructor(
    readonly target: RegistryTarget,
    private readonly o: ClientOptions = {},
  ) {
    this.base = registryBaseUrl(target.host);
  }

  private basic(): string | undefined {
    const { username, secret } = this.target;
    return username && secret ? `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}` : undefined;
  }

  private send(url: string, extra: Pick<RequestOptions, 'method' | 'headers'> = {}): Promise<HttpAnswer> {
    return request(url, this.target.host, {
      ...(extra.method ? { method: extra.method } : {}),
      headers: { ...extra.headers, ...(this.authHeader ? { Authorization: this.authHeader } : {}) },
      ...(this.o.timeoutMs ? { timeoutMs: this.o.timeoutMs } : {}),
      ...(this.o.signal ? { signal: this.o.signal } : {}),
    });
  }

  /** GET with the challenge flow; `scope` is what a Bearer token is asked for. */
  async get(path: string, scope: string, extra: Pick<RequestOptions, 'method' | 'headers'> = {}): Promise<HttpAnswer> {
    const url = path.startsWith('http') ? path : `${this.base}${path}`;
    let answer = await this.send(url, extra);
    if (answer.status !== 401) return answer;
    const challenge = pickChallenge(answer.headers.get('www-authenticate'));
    if (challenge?.scheme === 'basic') {
      const basic = this.basic();
      if (!basic) throw statusError(401, this.target.host, answer.text);
      this.authHeader = basic;
    } else if (challenge?.scheme === 'bearer') {
      this.authHeader = `Bearer ${await this.token(challenge.params, scope)}`;
    } else {
      throw statusError(401, this.target.host, answer.text);
    }
    answer = await this.send(url, extra);
    if (answer.status === 401 || answer.status === 403) throw statusError(answer.status, this.target.host, answer.text);
    return answer;
  }

  private async token(params: Record<string, string>, scope: string): Promise<string> {
    const realm = params.realm ?? '';
    if (!/^https?:\/\//.test(realm))
      throw garbageError(this.target.host, `token realm is not an http(s) address: ${realm.slice(0, 100)}`);
    const url = new URL(realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', params.scope ?? scope);
    const basic = this.basic();
    const answer = await request(url.toString(), url.host, {
      headers: basic ? { Authorization: basic } : {},
      ...(this.o.timeoutMs ? { timeoutMs: this.o.timeoutMs } : {}),
      ...(this.o.signal ? { signal: this.o.signal } : {}),
    });
    if (answer.status !== 200)
      throw statusError(answer.status === 400 ? 401 : answer.status, this.target.host, answer.text);
    const t = parseJson(answer.text, url.host, isTokenAnswer);
    return (t.token ?? t.access_token)!;
  }

  /** GET /v2/: is this a registry, and do the credentials work? */
  async ping(): Promise<void> {
    const a = await this.get('/v2/', 'registry:catalog:*');
    if (a.status !== 200) throw statusError(a.status, this.target.host, a.text, a.headers);
  }

  /** Repositories from /v2/_catalog, following pages up to `max` names. */
  async catalog(max = 10_000, pageSize = 1000): Promise<{ repositories: string[]; truncated: boolean }> {
    const out: string[] = [];
    let path: string | undefined = `/v2/_catalog?n=${pageSize}`;
    while (path && out.length < max) {
      const a = await this.get(path, 'registry:catalog:*');
      if (a.status !== 200) throw statusError(a.status, this.target.host, a.text, a.headers);
      const body = parseJson(
        a.text,
        this.target.host,
        (v): v is { repositories: unknown[] } => isObject(v) && Array.isArray(v.repositories),
      );
      for (const r of body.repositories) if (typeof r === 'string' && r.length <= 255) out.push(r);
      path = nextLink(a.headers.get('link'));
    }
    return { repositories: out.slice(0, max), truncated: out.length > max || path !== undefined };
  }

  /** One page of tags; `next` is the `last` to ask for the following page. */
  async tags(repository: string, n = 100, last?: string): Promise<{ tags: string[]; next?: string }> {
    const q = new URLSearchParams({ n: String(n) });
    if (last) q.set('last', last);
    const a = await this.get(`/v2/${repository}/tags/list?${q}`, `repository:${repository}:pull`);
    if (a.status === 404) throw repositoryNotFound(this.target.host, repository, a.text.slice(0, 500));
    if (a.status !== 200) throw statusError(a.status, this.target.host, a.text, a.headers);
    const body = parseJson(
      a.text,
      this.target.host,
      (v): v is { tags: unknown } => isObject(v) && (Array.isArray(v.tags) || v.tags === null),
    );
    const tags = (Array.isArray(body.tags) ? body.tags : []).filter((t): t is string => typeof t === 'string');
    const link = nextLink(a.headers.get('link'));
    const nextLast = link ? (new URL(link, this.base).searchParams.get('last') ?? undefined) : undefined;
    return { tags, ...(nextLast ? { next: nextLast } : {}) };
  }

  /** Does `repository:tag` exist here? A HEAD of its manifest (any of the kinds docker pulls). */
  async hasTag(repository: string, tag: string): Promise<boolean> {
    const a = await this.get(
      `/v2/${repository}/manifests/${encodeURIComponent(tag)}`,
      `repository:${repository}:pull`,
      {
        method: 'HEAD',
        headers: { Accept: MANIFEST_KINDS },
      },
    );
    if (a.status === 200) return true;
    if (a.status === 404) return false;
    throw statusError(a.status, this.target.host, a.text, a.headers);
  }
}

/** The manifest kinds `docker pull` accepts: a multi-arch list or index, or one image's manifest. */
const MANIFEST_KINDS = [
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
].join(', ');
