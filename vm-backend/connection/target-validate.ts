// What a target the user typed in means: a name, `user@host[:port]` and a key file, each refused
// with a coded error (message + hint for a beginner) before anything is saved or dialled.
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { WharfError } from '../api/errors';
import type { ErrorCode } from '../api/error-codes';
import { formatSshTarget, parseSshTarget } from './ssh/target';
import type { Target } from './targets';

export const TARGET_NAME = /^[a-z0-9][a-z0-9_.-]{0,40}$/;
const RESERVED = new Set(['local', 'vm']);
// Control characters (newlines, NUL, escapes) have no place in a name, an address or a path.
const CONTROL = /[\u0000-\u001f\u007f]/;

function bad(code: ErrorCode, message: string, hint: string, detail: string): WharfError {
  return new WharfError({ code, message, hint, detail: detail.slice(0, 300) });
}

export function checkName(name: string): void {
  if (RESERVED.has(name))
    throw bad(
      'TARGET_NAME_RESERVED',
      `"${name}" is built in and cannot be replaced.`,
      'Choose another name, e.g. "build-server".',
      name,
    );
  if (!TARGET_NAME.test(name)) {
    throw bad(
      'TARGET_NAME_INVALID',
      'A target name is 1 to 41 lowercase letters, digits, "_", "." or "-".',
      'Start with a letter or digit, e.g. "build-server".',
      JSON.stringify(name),
    );
  }
}

/** `user@host[:port]`, with or without `ssh://`, as the `ssh://user@host:port` engine string. */
export function checkAddress(address: string): string {
  const a = address.trim();
  if (!a || CONTROL.test(a))
    throw bad(
      'TARGET_ADDRESS_INVALID',
      'Write the address as user@host or user@host:port.',
      'For example: deploy@192.168.1.20:22.',
      JSON.stringify(address),
    );
  try {
    return formatSshTarget(parseSshTarget(a.startsWith('ssh://') ? a : `ssh://${a}`));
  } catch (err) {
    throw bad(
      'TARGET_ADDRESS_INVALID',
      'Write the address as user@host or user@host:port.',
      'The user name is required; the port is 1-65535 (22 when left out). For example: deploy@192.168.1.20:22.',
      (err as Error).message,
    );
  }
}

/** A private key file: an absolute path to a readable regular file of sane size. */
export function checkKeyFile(path: string): string {
  const hint =
    'Give the full path of your private key, e.g. /home/me/.ssh/id_ed25519 (not the .pub file). Leave it empty to let Wharf make its own key.';
  if (CONTROL.test(path) || !isAbsolute(path))
    throw bad('TARGET_KEY_PATH_INVALID', 'The key file must be a full path.', hint, JSON.stringify(path));
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (err) {
    throw bad('TARGET_KEY_MISSING', `There is no key file at ${path}.`, hint, (err as Error).message);
  }
  if (!st.isFile()) throw bad('TARGET_KEY_NOT_FILE', `${path} is not a file.`, hint, `mode ${st.mode.toString(8)}`);
  if (st.size > 64 * 1024)
    throw bad('TARGET_KEY_NOT_KEY', `${path} is too large to be an SSH key.`, hint, `${st.size} bytes`);
  try {
    accessSync(path, constants.R_OK);
  } catch (err) {
    throw bad(
      'TARGET_KEY_UNREADABLE',
      `Wharf may not read ${path}.`,
      "Check the file's owner and permissions (chmod 600 it, owned by you).",
      (err as Error).message,
    );
  }
  if (path.endsWith('.pub')) throw bad('TARGET_KEY_NOT_KEY', `${path} is a public key.`, hint, path);
  return path;
}

/** The target a save form describes, checked; throws the first problem as a WharfError. */
export function targetFromForm(f: { name: string; address: string; identity?: string | undefined }): Target {
  checkName(f.name);
  const engine = checkAddress(f.address);
  const identity = f.identity?.trim() ? checkKeyFile(f.identity.trim()) : undefined;
  return { name: f.name, engine, ...(identity ? { identity } : {}) };
}

/** `user@host:port` of an `ssh://` engine, for the form. */
export function addressOf(engine: string): string {
  return engine.replace(/^ssh:\/\//, '');
}
