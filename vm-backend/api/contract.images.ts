import { z } from 'zod';
import { call } from './define';
import { imageRef } from './ids';
import type { ImageRow, Listing, PrunePreview } from './types';

export const imageCalls = {
  'images:list': call<z.ZodObject<{}>, Listing<ImageRow>>(z.object({}).strict()),
  'images:remove': call<
    z.ZodObject<{ ref: typeof imageRef; force: z.ZodBoolean }>,
    { untagged: string[]; deleted: string[] }
  >(z.object({ ref: imageRef, force: z.boolean() }).strict()),
  'images:prune-preview': call<z.ZodObject<{}>, PrunePreview>(z.object({}).strict()),
  'images:prune': call<z.ZodObject<{}>, { deleted: string[]; spaceReclaimed: number }>(z.object({}).strict()),
};
