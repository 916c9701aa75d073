// A push's failures in words a beginner can act on; the registry's own words in detail.
import type { ErrorCode } from '../../api/error-codes';
import { WharfError } from '../../api/errors';

function bad(code: ErrorCode, message: string, hint: string, detail: string, params: Record<string, string> = {}) {
  return new WharfError({ code, message, hint, detail: detail.slice(0, 2000), params });
}

/** The engine's error text for pushing `ref` (domain: its registry) as a coded error. */
export function pushErrorFromText(text: string, ref: string, domain: string): WharfError {
  const p = { ref, registry: domain };
  if (/does not exist locally|No such image|not found: .*image/i.test(text))
    return bad(
      'PUSH_NO_IMAGE',
      `There is no image named ${ref} on this engine.`,
      'Tag the image with this name first.',
      text,
      p,
    );
  if (/unauthorized|authentication required|no basic auth credentials|incorrect username or password/i.test(text))
    return bad(
      'PUSH_UNAUTHORIZED',
      `${domain} wants you to log in before pushing.`,
      'Add your user name and password (or token) for this registry in Registries, then push again.',
      text,
      p,
    );
  if (/denied/i.test(text))
    return domain === 'docker.io' && !ref.includes('/')
      ? bad(
          'PUSH_HUB_NAMESPACE',
          `Docker Hub only accepts ${ref} under your own account name.`,
          'Tag it as your-docker-id/name:tag (docker tag), then push that name.',
          text,
          p,
        )
      : bad(
          'PUSH_DENIED',
          `${domain} does not let this account push ${ref}.`,
          'Check that the repository belongs to you (or your team) and that the account may write to it.',
          text,
          p,
        );
  if (/name unknown|repository name not known|NAME_UNKNOWN/i.test(text))
    return bad(
      'PUSH_NAME_UNKNOWN',
      `${domain} has no repository for ${ref}.`,
      'Create the repository on the registry first (some registries do not create it on push).',
      text,
      p,
    );
  if (/x509|certificate|tls:|HTTP response to HTTPS client/i.test(text))
    return bad(
      'PUSH_TLS',
      `The secure (TLS) connection to ${domain} failed.`,
      'The registry needs a certificate the engine trusts, or must be listed in the engine\'s "insecure-registries".',
      text,
      p,
    );
  if (
    /connection refused|no such host|i\/o timeout|dial tcp|network is unreachable|deadline exceeded|stopped answering|EOF/i.test(
      text,
    )
  )
    return bad(
      'PUSH_UNREACHABLE',
      `The engine cannot reach the registry ${domain}.`,
      'Check the registry address and that it is running; Docker Hub is not reachable without internet.',
      text,
      p,
    );
  return bad('PUSH_FAILED', `Pushing ${ref} failed.`, "Read the registry's words below.", text, p);
}

export const pushNotFound = (id: string): WharfError =>
  bad('PUSH_NOT_FOUND', 'That push is not running (any more).', 'Start it again.', id);

export const pushNeedsWindow = (): WharfError =>
  bad('NO_CLIENT', 'A push needs a window to report to.', 'Start it from the Wharf window.', 'no client');
