import { z } from 'zod';
import { streamId } from './contract.logs';
import { call } from './define';
import { containerRef } from './ids';

const size = z.number().int().min(1).max(1000);

export const execStartInput = z
  .object({
    id: containerRef,
    /** 'exec' runs a new process (a shell); 'attach' joins the container's own (for -it). */
    mode: z.enum(['exec', 'attach']),
    /** Command to run; absent: bash when the container has it, else sh. */
    cmd: z.array(z.string().min(1).max(4096)).min(1).max(64).optional(),
    user: z
      .string()
      .max(64)
      .regex(/^[a-zA-Z0-9_.:-]*$/)
      .optional(),
    cols: size,
    rows: size,
  })
  .strict();
export type ExecStartInput = z.infer<typeof execStartInput>;

export interface ExecStarted {
  stream: string;
  /** What runs, e.g. ['bash'] (for the CLI line). Empty for attach. */
  cmd: string[];
  tty: boolean;
  name: string;
}

export const execCalls = {
  'exec:start': call<typeof execStartInput, ExecStarted>(execStartInput),
  'exec:input': call<z.ZodObject<{ stream: typeof streamId; data: z.ZodString }>, null>(
    z.object({ stream: streamId, data: z.string().max(65536) }).strict(),
  ),
  'exec:resize': call<z.ZodObject<{ stream: typeof streamId; cols: typeof size; rows: typeof size }>, null>(
    z.object({ stream: streamId, cols: size, rows: size }).strict(),
  ),
  'exec:close': call<z.ZodObject<{ stream: typeof streamId }>, null>(z.object({ stream: streamId }).strict()),
};
