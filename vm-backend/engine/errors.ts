// Turns engine and socket failures into {code, message, hint, detail}. Matches on the HTTP status
// and the daemon's own message (never on dockerode's reason labels, which are often wrong).
import { WharfError } from '../api/errors';
import type { ErrorCode } from '../api/error-codes';

export interface ErrorContext {
  /** Resolves a container id (full or short) to its name, to name it in messages. */
  containerName?: (id: string) => string | undefined;
  /** Whether that container is running (or paused), when known. */
  containerRunning?: (id: string) => boolean | undefined;
  /** What the action was about, e.g. the container name or image reference. */
  subject?: string;
  /** Where the engine is, for "not reachable" messages. */
  endpoint?: string;
}

interface EngineFailure {
  status?: number;
  message: string;
  sysCode?: string;
}

/** Pulls status and the daemon's message out of a dockerode/docker-modem error or a Node error. */
export function readFailure(err: unknown): EngineFailure {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const e = err as { statusCode?: unknown; json?: unknown; message?: unknown; code?: unknown; reason?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  let message = '';
  if (e.json && typeof e.json === 'object' && typeof (e.json as { message?: unknown }).message === 'string') {
    message = (e.json as { message: string }).message;
  } else if (typeof e.json === 'string' && e.json) {
    message = e.json;
  } else if (Buffer.isBuffer(e.json)) {
    message = e.json.toString('utf8');
  } else if (typeof e.message === 'string') {
    message = e.message.replace(/^\(HTTP code \d+\) [^-]* - /, '').trim();
  }
  const sysCode = typeof e.code === 'string' ? e.code : undefined;
  return {
    ...(status !== undefined ? { status } : {}),
    message: message || 'unknown error',
    ...(sysCode ? { sysCode } : {}),
  };
}

function containerFrom(message: string, ctx: ErrorContext): string | undefined {
  const m = /container ([0-9a-f]{12,64})/.exec(message);
  if (!m?.[1]) return undefined;
  return ctx.containerName?.(m[1]) ?? m[1].slice(0, 12);
}

function make(
  code: ErrorCode,
  message: string,
  hint: string,
  detail: string,
  extra: Partial<WharfError> = {},
): WharfError {
  return new WharfError({
    code,
    message,
    hint,
    detail,
    ...(extra.params ? { params: extra.params } : {}),
    ...(extra.forceable ? { forceable: true } : {}),
  });
}

export function toWharfError(err: unknown, ctx: ErrorContext = {}): WharfError {
  if (err instanceof WharfError) return err;
  const f = readFailure(err);
  const detail = f.message;
  const m = f.message;
  const subject = ctx.subject ?? '';

  if (f.sysCode === 'EACCES' || f.sysCode === 'EPERM') {
    return make(
      'ENGINE_PERMISSION_DENIED',
      'Wharf is not allowed to use the Docker socket.',
      'Add your user to the "docker" group (sudo usermod -aG docker $USER), then log out and back in.',
      detail,
      { params: { endpoint: ctx.endpoint ?? '' } },
    );
  }
  if (
    f.sysCode &&
    ['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'].includes(f.sysCode)
  ) {
    return make(
      'ENGINE_UNREACHABLE',
      `Engine not reachable at ${ctx.endpoint ?? 'its socket'}.`,
      'Start Docker (for example: sudo dockerd, or systemctl start docker) and Wharf connects by itself.',
      detail,
      { params: { endpoint: ctx.endpoint ?? '' } },
    );
  }
  if (f.status === 404 && /no such container/i.test(m)) {
    return make(
      'CONTAINER_NOT_FOUND',
      `Container ${subject || 'you chose'} no longer exists.`,
      'It was probably removed elsewhere; the list updates by itself.',
      detail,
      { params: { subject } },
    );
  }
  if (f.status === 404 && /no such image|reference does not exist|image not known/i.test(m)) {
    return make(
      'IMAGE_NOT_FOUND',
      `Image ${subject || 'you chose'} is not on this engine.`,
      'Pull it first, or check the name and tag.',
      detail,
      { params: { subject } },
    );
  }
  if (f.status === 409 && /name .* is already in use/i.test(m)) {
    const name = /name "\/?([^"]+)"/.exec(m)?.[1] ?? subject;
    return make(
      'NAME_CONFLICT',
      `The name "${name}" is already used by another container.`,
      'Choose another name, or remove the container that has it.',
      detail,
      { params: { name } },
    );
  }
  if (f.status === 409 && /being used by running container|cannot be forced/i.test(m)) {
    const container = containerFrom(m, ctx) ?? '?';
    return make(
      'IMAGE_IN_USE_RUNNING',
      `This image is used by the running container ${container}.`,
      `Stop and remove container ${container} first: the image of a running container cannot be removed, even with force.`,
      detail,
      { params: { container } },
    );
  }
  if (f.status === 409 && /must be forced|must force|is using its referenced image/i.test(m)) {
    const container = containerFrom(m, ctx);
    const id = /container ([0-9a-f]{12,64})/.exec(m)?.[1];
    if (container && id && ctx.containerRunning?.(id)) {
      // The engine says only "must force"; forcing a running container's image removes the tag alone.
      return make(
        'IMAGE_TAG_IN_USE_RUNNING',
        `This image is used by the running container ${container}.`,
        `Force removes only the tag: the image itself stays until container ${container} is removed.`,
        detail,
        { params: { container }, forceable: true },
      );
    }
    if (container) {
      return make(
        'IMAGE_IN_USE_STOPPED',
        `This image is used by the stopped container ${container}.`,
        `Remove container ${container} first, or force: the tag goes away and the container keeps its copy of the image.`,
        detail,
        { params: { container }, forceable: true },
      );
    }
    return make(
      'IMAGE_MULTIPLE_TAGS',
      'This image has several tags, so removing it by id would remove them all.',
      'Remove one tag at a time, or force to remove every tag and the image.',
      detail,
      { forceable: true },
    );
  }
  if (f.status === 409 && /(cannot remove a running container|container is running)/i.test(m)) {
    return make(
      'CONTAINER_RUNNING',
      `Container ${subject} is running.`,
      'Stop it first, or remove with force (it is killed, then removed).',
      detail,
      { params: { subject }, forceable: true },
    );
  }
  if (f.status === 409 && /is paused/i.test(m)) {
    return make('CONTAINER_PAUSED', `Container ${subject} is paused.`, 'Unpause (resume) it first.', detail, {
      params: { subject },
    });
  }
  if (
    f.status === 409 &&
    /(is not running|not paused|already paused|is restarting|is dead|removal .* in progress)/i.test(m)
  ) {
    return make(
      'CONTAINER_STATE',
      `Container ${subject} is not in a state that allows this.`,
      'Its state changed meanwhile; look at the list and try again.',
      detail,
      { params: { subject } },
    );
  }
  if (/port is already allocated|address already in use|failed to bind host port/i.test(m)) {
    const port = /:(\d+)(?:\/\w+)? failed|host port [^:]*:(\d+)|0\.0\.0\.0:(\d+)/.exec(m);
    const p = port?.[1] ?? port?.[2] ?? port?.[3] ?? '';
    return make(
      'PORT_IN_USE',
      `Port ${p || '(unknown)'} on the host is already used.`,
      'Choose another host port, or stop whatever uses it.',
      detail,
      { params: { port: p } },
    );
  }
  if (f.status === 400 || /invalid reference format|must be lowercase/i.test(m)) {
    return make(
      'INVALID_REQUEST',
      'The engine refused the request as invalid.',
      'Check the values you entered.',
      detail,
    );
  }
  if (f.status === 401 || f.status === 403) {
    return make(
      'ENGINE_FORBIDDEN',
      'The engine refused this action.',
      'Check your permissions on this engine.',
      detail,
    );
  }
  return make(
    'ENGINE_ERROR',
    'The engine could not do this.',
    'Read the details below; trying again may help.',
    detail,
  );
}

/** `min`: the oldest Engine API version Wharf speaks. */
export function engineTooOld(api: string, min: string): WharfError {
  return new WharfError({
    code: 'ENGINE_TOO_OLD',
    message: `This Docker Engine speaks API ${api}; Wharf needs ${min} or newer.`,
    hint: 'Update Docker Engine to version 19.03 or newer.',
    detail: `Api-Version: ${api}`,
    params: { api, min },
  });
}
