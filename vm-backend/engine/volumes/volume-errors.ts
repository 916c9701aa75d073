// The volumes domain's coded errors, in words a beginner can act on; the engine's own in detail.
import { WharfError } from '../../api/errors';
import { readFailure, toWharfError } from '../errors';

export const volumeNotFound = (name: string, detail: string): WharfError =>
  new WharfError({
    code: 'VOLUME_NOT_FOUND',
    message: `There is no volume named ${name}.`,
    hint: 'It may have been removed just now. The list shows the volumes that exist.',
    detail,
    params: { name },
  });

export const volumeInUse = (name: string, containers: string[], detail: string): WharfError =>
  new WharfError({
    code: 'VOLUME_IN_USE',
    message: `The volume ${name} is used by ${containers.join(', ')}.`,
    hint: 'Remove those containers first (their data in this volume would be lost with it).',
    detail,
    params: { name, containers: containers.join(', ') },
  });

export const volumeNameTaken = (name: string, detail: string): WharfError =>
  new WharfError({
    code: 'VOLUME_NAME_TAKEN',
    message: `A volume named ${name} already exists with other settings.`,
    hint: 'Choose another name, or use the existing volume.',
    detail,
    params: { name },
  });

export const sizeTimeout = (ms: number): WharfError =>
  new WharfError({
    code: 'VOLUME_SIZE_TIMEOUT',
    message: `The engine did not say how big the volumes are within ${Math.round(ms / 1000)} seconds.`,
    hint: 'Sizes take long on big volumes. The list works without them; try again later.',
    detail: `GET /system/df took longer than ${ms} ms`,
    params: { seconds: Math.round(ms / 1000) },
  });

/** An engine failure about one volume, named. */
export function volumeError(err: unknown, name: string, endpoint: string): WharfError {
  const f = readFailure(err);
  if (f.status === 404) return volumeNotFound(name, f.message);
  if (f.status === 409 && /in use/i.test(f.message)) {
    const ids = [...f.message.matchAll(/\b([0-9a-f]{64}|[0-9a-f]{12})\b/g)].map((m) => m[1]?.slice(0, 12) ?? '');
    return volumeInUse(name, ids.length ? ids : ['a container'], f.message);
  }
  return toWharfError(err, { subject: name, endpoint });
}
