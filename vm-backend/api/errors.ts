import type { Coded, ErrorCode } from './error-codes';
import type { WharfErrorShape } from './types';

/** The one error type that crosses the contract. Pure: the renderer may construct it too. */
export class WharfError extends Error implements WharfErrorShape {
  /** One of ERROR_CODES when made here; whatever the backend sent when `received`. */
  readonly code: string;
  readonly hint: string;
  readonly detail: string;
  readonly params?: Record<string, string | number>;
  readonly forceable?: boolean;

  constructor(shape: Coded<WharfErrorShape>) {
    super(shape.message);
    this.name = 'WharfError';
    this.code = shape.code;
    this.hint = shape.hint;
    this.detail = shape.detail;
    if (shape.params) this.params = shape.params;
    if (shape.forceable) this.forceable = true;
  }

  /** An error that crossed the wire: its code is kept as sent, even one this build does not know. */
  static received(shape: WharfErrorShape): WharfError {
    return new WharfError(shape as Coded<WharfErrorShape>);
  }

  /** The same error (same code) with fields changed, e.g. params added. */
  with(change: Partial<Omit<WharfErrorShape, 'code'>>): WharfError {
    return WharfError.received({ ...this.toJSON(), ...change });
  }

  toJSON(): WharfErrorShape {
    const out: WharfErrorShape = { code: this.code, message: this.message, hint: this.hint, detail: this.detail };
    if (this.params) out.params = this.params;
    if (this.forceable) out.forceable = true;
    return out;
  }
}

export function isWharfErrorShape(v: unknown): v is WharfErrorShape {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.code === 'string' &&
    typeof o.message === 'string' &&
    typeof o.hint === 'string' &&
    typeof o.detail === 'string'
  );
}

/** Whether `e` (a WharfError, a shape, anything) carries `code`: a listed one, so a typo fails to compile. */
export function hasCode(e: unknown, code: ErrorCode): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

export function invalidInput(detail: string): WharfError {
  return new WharfError({
    code: 'INVALID_INPUT',
    message: 'Wharf received a request it cannot accept.',
    hint: 'This is a bug or a hostile caller; nothing was changed.',
    detail,
  });
}
