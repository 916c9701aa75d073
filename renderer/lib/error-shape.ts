import type { ErrorCode } from '../../vm-backend/api/error-codes';
import { WharfError } from '../../vm-backend/api/errors';
import type { WharfErrorShape } from '../../vm-backend/api/types';

/** Any failure as the error shape the UI shows: a WharfError as it is, anything else under `code`. */
export function errorShape(e: unknown, code: ErrorCode = 'UNEXPECTED'): WharfErrorShape {
  if (e instanceof WharfError) return e.toJSON();
  return { code, message: 'Something went wrong.', hint: 'Try again.', detail: String((e as Error)?.message ?? e) };
}
