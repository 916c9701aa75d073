import { WharfError, isWharfErrorShape } from '../../vm-backend/api/errors';
import type { Envelope } from '../../vm-backend/api/wire';

/** Envelope -> value, or throws a WharfError the UI can show. */
export function unwrap<T>(env: Envelope<unknown> | undefined): T {
  if (env && env.ok === true) return env.value as T;
  if (env && env.ok === false && isWharfErrorShape(env.error)) throw WharfError.received(env.error);
  throw new WharfError({
    code: 'BRIDGE_ERROR',
    message: 'The Wharf backend sent an answer the window cannot read.',
    hint: 'Reload the window.',
    detail: JSON.stringify(env)?.slice(0, 500) ?? 'undefined',
  });
}
