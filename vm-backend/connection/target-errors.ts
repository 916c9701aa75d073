// Targets (`wharf context`) refused or failing, in words a beginner can act on: the form's fields
// (target-validate.ts), the list (wiring/targets-handlers.ts), connecting and testing one.
import type { ErrorCode } from '../api/error-codes';
import { WharfError } from '../api/errors';

function bad(code: ErrorCode, message: string, hint: string, detail: string): WharfError {
  return new WharfError({ code, message, hint, detail: detail.slice(0, 300) });
}

const KEY_HINT =
  'Give the full path of your private key, e.g. /home/me/.ssh/id_ed25519 (not the .pub file). Leave it empty to let Wharf make its own key.';

export const nameReserved = (name: string): WharfError =>
  bad(
    'TARGET_NAME_RESERVED',
    `"${name}" is built in and cannot be replaced.`,
    'Choose another name, e.g. "build-server".',
    name,
  );

export const nameInvalid = (name: string): WharfError =>
  bad(
    'TARGET_NAME_INVALID',
    'A target name is 1 to 41 lowercase letters, digits, "_", "." or "-".',
    'Start with a letter or digit, e.g. "build-server".',
    JSON.stringify(name),
  );

/** Empty, or with control characters. */
export const addressInvalid = (address: string): WharfError =>
  bad(
    'TARGET_ADDRESS_INVALID',
    'Write the address as user@host or user@host:port.',
    'For example: deploy@192.168.1.20:22.',
    JSON.stringify(address),
  );

/** `detail`: what the parser said (no user, a port out of range...). */
export const addressUnparsable = (detail: string): WharfError =>
  bad(
    'TARGET_ADDRESS_INVALID',
    'Write the address as user@host or user@host:port.',
    'The user name is required; the port is 1-65535 (22 when left out). For example: deploy@192.168.1.20:22.',
    detail,
  );

export const keyPathInvalid = (path: string): WharfError =>
  bad('TARGET_KEY_PATH_INVALID', 'The key file must be a full path.', KEY_HINT, JSON.stringify(path));

export const keyMissing = (path: string, detail: string): WharfError =>
  bad('TARGET_KEY_MISSING', `There is no key file at ${path}.`, KEY_HINT, detail);

export const keyNotFile = (path: string, mode: number): WharfError =>
  bad('TARGET_KEY_NOT_FILE', `${path} is not a file.`, KEY_HINT, `mode ${mode.toString(8)}`);

export const keyTooLarge = (path: string, size: number): WharfError =>
  bad('TARGET_KEY_NOT_KEY', `${path} is too large to be an SSH key.`, KEY_HINT, `${size} bytes`);

export const keyIsPublic = (path: string): WharfError =>
  bad('TARGET_KEY_NOT_KEY', `${path} is a public key.`, KEY_HINT, path);

export const keyUnreadable = (path: string, detail: string): WharfError =>
  bad(
    'TARGET_KEY_UNREADABLE',
    `Wharf may not read ${path}.`,
    "Check the file's owner and permissions (chmod 600 it, owned by you).",
    detail,
  );

const err = (code: ErrorCode, message: string, hint: string, detail = ''): WharfError =>
  new WharfError({ code, message, hint, detail });

export const targetNotFound = (name: string): WharfError =>
  err(
    'TARGET_NOT_FOUND',
    `There is no target named "${name}".`,
    'Refresh the list; it may have been removed (wharf context ls).',
    name,
  );

export const targetNameTaken = (name: string): WharfError =>
  err(
    'TARGET_NAME_TAKEN',
    `A target named "${name}" already exists.`,
    'Choose another name, or edit that target instead.',
    name,
  );

export const targetBuiltIn = (name: string): WharfError =>
  err(
    'TARGET_LOCAL_BUILTIN',
    `The ${name} engine is built in and cannot be removed.`,
    'Remove another target, or switch to this one instead.',
    name,
  );

export const targetNotSaved = (detail: string): WharfError =>
  err(
    'TARGET_NOT_SAVED',
    'Wharf could not change its list of targets.',
    "Check that Wharf's data folder is writable.",
    detail,
  );

/** A saved target whose address no longer parses (edited by hand in targets.json). */
export const targetAddressUnusable = (name: string, detail: string): WharfError =>
  err(
    'TARGET_ADDRESS_INVALID',
    `The target "${name}" has an address Wharf cannot use.`,
    'Edit it: write user@host or user@host:port.',
    detail,
  );

/** A key file that vanished or cannot be read, an unusable DOCKER_HOST. */
export const targetConnectFailed = (name: string, detail: string): WharfError =>
  err(
    'TARGET_CONNECT_FAILED',
    `Wharf cannot set up the connection to "${name}".`,
    "Check the target's key file and address, then try again.",
    detail,
  );

export const targetVmStopped = (): WharfError =>
  err(
    'TARGET_VM_STOPPED',
    "Wharf's VM is not running, so there is nothing to test yet.",
    'Use this target to start the VM (or run: wharf vm start).',
  );
