// The push domain (Ship): `docker tag` and `docker push` to a registry, with per-layer progress
// and cancel; credentials come from the registries settings (X-Registry-Auth).
import { z } from 'zod';
import { call } from './define';
import { imageRef } from './ids';
import { tagProblem } from './rules/build-form';
import type { WharfErrorShape } from './types';

/** `push-<backend run>-<n>`. */
export const pushId = z.string().regex(/^push-[0-9a-z]{1,16}-\d{1,12}$/);
/** A name to tag or push: a reference without digest (`docker tag` / `docker push` take these). */
export const pushRef = z
  .string()
  .max(300)
  .refine((t) => tagProblem(t) === null, 'not a valid image name');

export interface PushLayer {
  id: string;
  phase: 'waiting' | 'pushing' | 'done';
  /** The engine's words ("Preparing", "Pushing", "Layer already exists"). */
  status: string;
  current: number;
  total: number;
}

export interface PushProgress {
  push: string;
  ref: string;
  layers: PushLayer[];
  /** 0..1 over the layers, weighted by size. */
  fraction: number;
  bytesDone: number;
  bytesTotal: number;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  digest?: string;
  errorText?: string;
  error?: WharfErrorShape;
}

const tagInput = z.object({ source: imageRef, target: pushRef }).strict();
const startInput = z.object({ ref: pushRef }).strict();
const cancelInput = z.object({ push: pushId }).strict();

export const pushCalls = {
  /** `docker tag source target`. */
  'push:tag': call<typeof tagInput, null>(tagInput),
  /** Starts `docker push ref`; progress arrives as 'push:progress' for this client. */
  'push:start': call<typeof startInput, PushProgress>(startInput),
  /** Closes the engine request: the engine stops the push. */
  'push:cancel': call<typeof cancelInput, null>(cancelInput),
};
