// Pull failures explained. The daemon's words arrive either as an HTTP error before the stream
// starts or as an `errorDetail` line inside it; both are read here by their text.
import { WharfError } from '../../api/errors';
import type { ErrorCode } from '../../api/error-codes';
import { readFailure } from '../errors';

function make(
  code: ErrorCode,
  message: string,
  hint: string,
  detail: string,
  params: Record<string, string | number>,
): WharfError {
  return new WharfError({ code, message, hint, detail: detail.slice(0, 2000), params });
}

/** `ref` is the reference asked for ("redis:7"); `detail` the daemon's message. */
export function pullErrorFromText(detail: string, ref: string): WharfError {
  const m = detail;
  const p = { ref };
  if (/manifest unknown|manifest for .* not found|not found: manifest|tag .* not found/i.test(m)) {
    return make(
      'MANIFEST_UNKNOWN',
      `${ref} was not found: the repository has no such tag.`,
      'Check the tag in the tag picker (tags are case-sensitive), or pick "latest".',
      m,
      p,
    );
  }
  if (/toomanyrequests|rate limit/i.test(m)) {
    return make(
      'PULL_RATE_LIMITED',
      "The registry's pull rate limit is reached.",
      'Wait a few hours (Docker Hub counts pulls per 6 hours) or log in: logged-in users get a higher limit.',
      m,
      p,
    );
  }
  if (
    /no matching manifest for|does not match the specified platform|image with reference .* was found but does not match/i.test(
      m,
    )
  ) {
    const platform = /for ([\w/.-]+) in the manifest list/.exec(m)?.[1] ?? '';
    return make(
      'PULL_WRONG_ARCH',
      `${ref} has no build for this engine's platform${platform ? ` (${platform})` : ''}.`,
      'Pick another tag or image that is built for your CPU (for example amd64 or arm64).',
      m,
      { ...p, platform },
    );
  }
  if (/invalid reference format|must be lowercase|repository name must/i.test(m)) {
    return make(
      'INVALID_REFERENCE',
      `"${ref}" is not a valid image name.`,
      'Image names are lowercase, without spaces, like redis:7 or myregistry:5000/team/app:1.0.',
      m,
      p,
    );
  }
  if (
    /pull access denied|access to the resource is denied|unauthorized|authentication required|no basic auth credentials|denied:/i.test(
      m,
    )
  ) {
    return make(
      'PULL_ACCESS_DENIED',
      `Access to ${ref} was denied: it does not exist or is private.`,
      'Check the name. If it is private, add the registry with a username and password (Settings → Registries).',
      m,
      p,
    );
  }
  if (/x509|certificate|tls:|server gave HTTP response to HTTPS client/i.test(m)) {
    return make(
      'PULL_TLS',
      'The secure (TLS) connection to the registry failed.',
      'Its certificate is not trusted or it speaks plain HTTP; the engine must list it under insecure-registries, or it needs a trusted certificate.',
      m,
      p,
    );
  }
  if (/no such host|server misbehaving|lookup .* on/i.test(m)) {
    return make(
      'PULL_NO_NETWORK',
      'The registry is unreachable: no network.',
      'Check your internet connection; images from registries on this machine still work.',
      m,
      p,
    );
  }
  if (/connection refused|dial tcp|i\/o timeout|network is unreachable|connection reset|EOF$/i.test(m)) {
    return make(
      'PULL_UNREACHABLE',
      'The registry is unreachable.',
      'Check that the registry runs and its address and port are right.',
      m,
      p,
    );
  }
  return make('PULL_FAILED', `Pulling ${ref} failed.`, 'Read the details below; trying again may help.', m, p);
}

/** A dockerode/HTTP error from POST /images/create (failure before the stream began). */
export function pullError(err: unknown, ref: string): WharfError {
  if (err instanceof WharfError) return err;
  const f = readFailure(err);
  if (f.sysCode && ['ENOENT', 'ECONNREFUSED', 'EACCES'].includes(f.sysCode)) {
    return make(
      'ENGINE_UNREACHABLE',
      'The Docker engine is not reachable.',
      'Start Docker; Wharf connects by itself.',
      f.message,
      { ref },
    );
  }
  return pullErrorFromText(f.message, ref);
}

/** A pull asked for with no window to send its progress to. */
export const pullNeedsWindow = (): WharfError =>
  new WharfError({
    code: 'NO_CLIENT',
    message: 'Pulls can only be started from a Wharf window.',
    hint: 'Pull from the app.',
    detail: 'invoke without a ClientLink',
  });

/** `hint`: what is wrong with the name, in words (REFERENCE_PROBLEM_TEXT). */
export const invalidReference = (input: string, problem: string, hint: string): WharfError =>
  new WharfError({
    code: 'INVALID_REFERENCE',
    message: `"${input.slice(0, 100)}" is not a valid image name.`,
    hint,
    detail: problem,
    params: { ref: input.slice(0, 100), problem },
  });

export const tooManyPulls = (limit: number): WharfError =>
  new WharfError({
    code: 'TOO_MANY_PULLS',
    message: 'Too many pulls are running in this window.',
    hint: 'Wait for some to finish.',
    detail: `limit ${limit}`,
    params: { limit },
  });

export const pullNotFound = (id: string): WharfError =>
  new WharfError({
    code: 'PULL_NOT_FOUND',
    message: 'This pull has already ended.',
    hint: 'Its result is shown in the list of pulls.',
    detail: id,
  });
