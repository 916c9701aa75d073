import { z } from 'zod';
import { call } from './define';
import { containerRef } from './ids';

/** A stream this client opened (logs or a terminal); other clients' ids are refused. */
export const streamId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9:-]+$/);

export const logsOpenInput = z
  .object({
    id: containerRef,
    /** Lines from the end to start with, or 'all'. */
    tail: z.union([z.literal('all'), z.number().int().min(0).max(10_000_000)]),
    /** Only messages after this Unix time (seconds); 0 or absent: from the start. */
    since: z.number().min(0).max(1e11).optional(),
    timestamps: z.boolean(),
    follow: z.boolean(),
    /** Lines the view keeps. With a longer tail only the last `keep` are sent, and the earlier
     *  ones are counted (`earlier` on a chunk): they are in the full download. */
    keep: z.number().int().min(1).max(10_000_000).optional(),
  })
  .strict();
export type LogsOpenInput = z.infer<typeof logsOpenInput>;

export interface LogsOpened {
  stream: string;
  name: string;
  tty: boolean;
}

export const logCalls = {
  'logs:open': call<typeof logsOpenInput, LogsOpened>(logsOpenInput),
  'logs:close': call<z.ZodObject<{ stream: typeof streamId }>, null>(z.object({ stream: streamId }).strict()),
  /** A one-time ticket for GET /download/logs?ticket= (web mode's "Download full log"). */
  'logs:download-ticket': call<z.ZodObject<{ id: typeof containerRef; timestamps: z.ZodBoolean }>, { ticket: string }>(
    z.object({ id: containerRef, timestamps: z.boolean() }).strict(),
  ),
  /** The client has written `bytes` characters of this stream in total (flow control). */
  'streams:ack': call<z.ZodObject<{ stream: typeof streamId; bytes: z.ZodNumber }>, null>(
    z.object({ stream: streamId, bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
  ),
};
