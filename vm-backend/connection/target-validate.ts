// What a target the user typed in means: a name, `user@host[:port]` and a key file, each refused
// with a coded error (message + hint for a beginner) before anything is saved or dialled.
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { formatSshTarget, parseSshTarget } from './ssh/target';
import {
  addressInvalid,
  addressUnparsable,
  keyIsPublic,
  keyMissing,
  keyNotFile,
  keyPathInvalid,
  keyTooLarge,
  keyUnreadable,
  nameInvalid,
  nameReserved,
} from './target-errors';
import type { Target } from './targets';

const TARGET_NAME = /^[a-z0-9][a-z0-9_.-]{0,40}$/;
const RESERVED = new Set(['local', 'vm']);
// Control characters (newlines, NUL, escapes) have no place in a name, an address or a path.
const CONTROL = /[\u0000-\u001f\u007f]/;

export function checkName(name: string): void {
  if (RESERVED.has(name)) throw nameReserved(name);
  if (!TARGET_NAME.test(name)) throw nameInvalid(name);
}

/** `user@host[:port]`, with or without `ssh://`, as the `ssh://user@host:port` engine string. */
export function checkAddress(address: string): string {
  const a = address.trim();
  if (!a || CONTROL.test(a)) throw addressInvalid(address);
  try {
    return formatSshTarget(parseSshTarget(a.startsWith('ssh://') ? a : `ssh://${a}`));
  } catch (err) {
    throw addressUnparsable((err as Error).message);
  }
}

/** A private key file: an absolute path to a readable regular file of sane size. */
export function checkKeyFile(path: string): string {
  if (CONTROL.test(path) || !isAbsolute(path)) throw keyPathInvalid(path);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (err) {
    throw keyMissing(path, (err as Error).message);
  }
  if (!st.isFile()) throw keyNotFile(path, st.mode);
  if (st.size > 64 * 1024) throw keyTooLarge(path, st.size);
  try {
    accessSync(path, constants.R_OK);
  } catch (err) {
    throw keyUnreadable(path, (err as Error).message);
  }
  if (path.endsWith('.pub')) throw keyIsPublic(path);
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
