// The save dialog behind window.wharf.chooseSavePath (file browser downloads). The page may only
// suggest a NAME: it is cut to one path segment here, and the dialog's answer is split into the
// folder and the name that files:save takes.
import nodePath from 'node:path';
import type { SavePath } from '../../vm-backend/api/preload-api';

/** Most file systems' limit for one name, in bytes (UTF-8). */
export const MAX_NAME_BYTES = 255;
const FALLBACK = 'download';
// An extension up to this long stays when a long name is cut (`…가나다.tar.gz` keeps `.gz`).
const MAX_KEPT_EXT_BYTES = 16;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The longest start of `s` (whole code points) that fits in `max` bytes. */
function cutToBytes(s: string, max: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = bytes(ch);
    if (used + n > max) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * One safe file name from what the page suggested: control characters dropped, only the part after
 * the last `/` or `\` kept, at most 255 bytes (the extension kept when it is short), and
 * 'download' when nothing usable is left ('', '.', '..', only spaces, not a string).
 */
export function saveName(suggested: unknown): string {
  if (typeof suggested !== 'string') return FALLBACK;
  // C0, DEL and C1 controls; lone surrogates cannot be written as UTF-8 either.
  const clean = suggested.replace(/[\u0000-\u001f\u007f-\u009f]|\p{Cs}/gu, '');
  const last = clean.split(/[/\\]/).pop() ?? '';
  const name = fitName(last);
  return name.trim() === '' || name === '.' || name === '..' ? FALLBACK : name;
}

function fitName(name: string): string {
  if (bytes(name) <= MAX_NAME_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  if (ext && bytes(ext) <= MAX_KEPT_EXT_BYTES) {
    return cutToBytes(name.slice(0, dot), MAX_NAME_BYTES - bytes(ext)) + ext;
  }
  return cutToBytes(name, MAX_NAME_BYTES);
}

/** The dialog's full path as { folder, name }; null when cancelled or not an absolute file path. */
export function splitSavePath(path: string | null, p: typeof nodePath = nodePath): SavePath | null {
  if (typeof path !== 'string' || !p.isAbsolute(path)) return null;
  const name = p.basename(path);
  if (name === '' || name === '.' || name === '..') return null;
  return { folder: p.dirname(path), name };
}
