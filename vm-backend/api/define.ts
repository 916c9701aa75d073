import type { z } from 'zod';

/** One call of the contract: a runtime input schema and a compile-time output type. */
export interface CallDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}

export function call<I extends z.ZodType, O>(input: I): CallDef<I, O> {
  return { input };
}
