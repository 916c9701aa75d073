// Run refused or failed, in words a beginner can act on; params.field names the form field the
// dialog shows it on. (Engine failures are explained by engine/errors.ts, then placed here.)
import type { ErrorCode } from '../../api/error-codes';
import { WharfError } from '../../api/errors';

type Params = Record<string, string | number>;

function fieldError(code: ErrorCode, message: string, hint: string, detail: string, params: Params): WharfError {
  return new WharfError({ code, message, hint, detail, params });
}

/** The form breaks a rule (api/rules/run-validate.ts): `message` is the first problem's. */
export const runInvalid = (message: string, detail: string, params: Params): WharfError =>
  fieldError('RUN_INVALID', message, 'Correct the field and run again.', detail, params);

export const nameTaken = (name: string, containerId: string): WharfError =>
  fieldError(
    'NAME_CONFLICT',
    `The name "${name}" is already used by another container.`,
    'Choose another name, or remove the container that has it.',
    `container ${containerId.slice(0, 12)}`,
    { name, field: 'name' },
  );

export const portUsedByContainer = (port: number, container: string, field: string): WharfError =>
  fieldError(
    'PORT_USED_BY_CONTAINER',
    `Port ${port} is already used by container ${container}.`,
    'Choose another host port.',
    '',
    { port, container, field },
  );

export const portTwice = (port: number, field: string): WharfError =>
  fieldError('PORT_DUPLICATE', `Host port ${port} is asked for twice.`, 'Each host port can be published once.', '', {
    port,
    field,
  });

/** With a VM or a remote engine the folder must exist there, not on the UI's machine. */
export const bindSourceMissing = (path: string, detail: string, params: Params): WharfError =>
  new WharfError({
    code: 'BIND_SOURCE_MISSING',
    message: `The folder ${path} does not exist on the engine's host.`,
    hint: "Create it first or choose another folder. With a VM or a remote engine, the path is on the engine's machine.",
    detail,
    params: { ...params, path },
  });

export const pullCancelled = (image: string): WharfError =>
  fieldError(
    'PULL_CANCELLED',
    `The pull of ${image} was cancelled, so nothing was run.`,
    'Run again to pull it, or pick another image.',
    '',
    { field: 'image', subject: image },
  );

/** Run's own words for two engine failures: the image to pull, the port with its number. */
export const imageNotFoundHint = (image: string): string =>
  `Pull it first (docker pull ${image}), or check the name and tag.`;
export const portInUseMessage = (port: string | number): string =>
  `Port ${port || '(unknown)'} on the host is already used.`;
