// Failures of a registry or Docker Hub request, as {code, message, hint, detail} a beginner can act
// on. Node's fetch hides the socket error in `cause`; timeouts arrive as a TimeoutError.
import { hasCode, WharfError } from '../api/errors';
import type { ErrorCode } from '../api/error-codes';

const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
];
const DNS_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL'];

function causeOf(err: unknown): { code?: string; message: string } {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth += 1) {
    const o = e as { code?: unknown; cause?: unknown; message?: unknown };
    if (typeof o.code === 'string' && !o.cause) return { code: o.code, message: String(o.message ?? '') };
    if (!o.cause) break;
    e = o.cause;
  }
  const o = (e ?? {}) as { code?: unknown; message?: unknown };
  return { ...(typeof o.code === 'string' ? { code: o.code } : {}), message: String(o.message ?? e) };
}

export function registryError(
  code: ErrorCode,
  message: string,
  hint: string,
  detail: string,
  params: Record<string, string | number> = {},
): WharfError {
  return new WharfError({ code, message, hint, detail: detail.slice(0, 2000), params });
}

/** A network-level failure (no HTTP answer) talking to `host`. */
export function networkError(err: unknown, host: string): WharfError {
  const name = (err as { name?: unknown })?.name;
  const { code, message } = causeOf(err);
  const detail = `${host}: ${code ? `${code} ` : ''}${message}`;
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
    return registryError(
      'REGISTRY_TIMEOUT',
      `${host} did not answer in time.`,
      'It may be overloaded or hanging; try again later, or check its address.',
      detail,
      { host },
    );
  }
  if (code && DNS_CODES.includes(code)) {
    return registryError(
      'REGISTRY_NO_NETWORK',
      `${host} is unreachable: no network.`,
      'Check your internet connection (or DNS); local images and local registries still work.',
      detail,
      { host },
    );
  }
  if (
    code &&
    (/^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/.test(code) ||
      /ssl|tls|certificate/i.test(message))
  ) {
    return registryError(
      'REGISTRY_TLS',
      `The secure (TLS) connection to ${host} failed.`,
      'Its certificate is not trusted, expired or for another name; or it speaks plain HTTP. Loopback registries use http.',
      detail,
      { host },
    );
  }
  if (code && NETWORK_CODES.includes(code)) {
    return registryError(
      'REGISTRY_UNREACHABLE',
      `${host} is unreachable.`,
      'Check the address and port, and that the registry runs.',
      detail,
      { host },
    );
  }
  return registryError(
    'REGISTRY_UNREACHABLE',
    `${host} is unreachable.`,
    'Check the address and port, and that the registry runs.',
    detail,
    { host },
  );
}

/** An HTTP answer that is not what was asked for. */
export function statusError(status: number, host: string, body: string, headers?: Headers): WharfError {
  const detail = `${host}: HTTP ${status} ${body.slice(0, 500)}`;
  if (status === 401 || status === 403) {
    return registryError(
      'REGISTRY_AUTH',
      `${host} refused the credentials (or needs some).`,
      'Check the username and password (or token) in Settings → Registries.',
      detail,
      { host },
    );
  }
  if (status === 429) {
    const left = /^(\d+)/.exec(headers?.get('ratelimit-remaining') ?? '')?.[1];
    return registryError(
      'REGISTRY_RATE_LIMIT',
      left ? `${host}: rate limit reached, ${left} requests left.` : `${host}: rate limit reached.`,
      'Wait a while (Docker Hub counts pulls per 6 hours), or log in to get a higher limit.',
      detail,
      { host, left: left ?? '0' },
    );
  }
  if (status === 404) {
    return registryError(
      'REGISTRY_NOT_FOUND',
      `${host} has no such repository (or does not list its repositories).`,
      'Check the name; some registries do not serve a catalog, so type the full repository name.',
      detail,
      { host },
    );
  }
  return registryError(
    'REGISTRY_HTTP',
    `${host} answered with an error (HTTP ${status}).`,
    'The registry may be misconfigured or down; try again later.',
    detail,
    { host, status },
  );
}

export function garbageError(host: string, what: string): WharfError {
  return registryError(
    'REGISTRY_BAD_ANSWER',
    `${host} sent an answer Wharf cannot read.`,
    'It may not be a Docker registry, or it is misbehaving.',
    `${host}: ${what}`.slice(0, 500),
    { host },
  );
}

/** Docker Hub failed: no network, or unreachable; a rate limit is passed on as it is. */
export function hubError(err: unknown, detail: string): WharfError {
  if (err instanceof WharfError && hasCode(err, 'REGISTRY_RATE_LIMIT')) return err;
  if (
    (err instanceof WharfError && hasCode(err, 'REGISTRY_NO_NETWORK')) ||
    /no such host|ENOTFOUND|EAI_AGAIN/.test(detail)
  ) {
    return registryError(
      'HUB_NO_NETWORK',
      'Docker Hub is unreachable: no network.',
      'Local images and the registries you added still work. Connect to the internet to search Docker Hub.',
      detail,
    );
  }
  return registryError(
    'HUB_UNREACHABLE',
    'Docker Hub is unreachable.',
    'It may be down or blocked here; local images and your registries still work.',
    detail,
  );
}

/** `body`: what the registry answered to tags/list. */
export const repositoryNotFound = (host: string, repository: string, body: string): WharfError =>
  registryError('REPOSITORY_NOT_FOUND', `${host} has no repository ${repository}.`, 'Check the name.', body, {
    host,
    repository,
  });

export const registryNotConfigured = (host: string): WharfError =>
  registryError(
    'REGISTRY_NOT_CONFIGURED',
    `${host} is not among your registries.`,
    'Add it in Settings → Registries.',
    host,
    {
      host,
    },
  );

export const registryNoCatalog = (host: string): WharfError =>
  registryError(
    'REGISTRY_NO_CATALOG',
    `${host} does not list its repositories.`,
    'Type the full repository name (for example team/app) to find it.',
    `${host}: /v2/_catalog not served`,
    { host },
  );
