import { z } from 'zod';
import { call } from './define';
import type { WharfErrorShape } from './types';

/** A reference to pull: always with a tag or digest (an empty tag would pull every tag). */
export const pullRef = z.string().min(1).max(600);
/** `pull-<backend run>-<n>`: unique across backend restarts and engine switches. */
export const pullId = z.string().regex(/^pull-(?:[0-9a-z]{1,16}-)?\d{1,12}$/);

export interface LayerProgress {
  id: string;
  phase: 'waiting' | 'downloading' | 'downloaded' | 'extracting' | 'done';
  /** The engine's own words for this layer ("Downloading", "Already exists"). */
  status: string;
  current: number;
  total: number;
  /** The layer's download size, kept once extraction's own byte counts take over. */
  downloaded?: number;
}

export interface PullProgress {
  pull: string;
  ref: string;
  layers: LayerProgress[];
  /** 0..1 over every layer, weighted by size. */
  fraction: number;
  bytesDone: number;
  bytesTotal: number;
  /** `interrupted`: set by the window, never the backend: the backend that ran it is gone (the
   *  link dropped or it restarted), so the pull stopped with it. */
  state: 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  result?: 'downloaded' | 'up-to-date';
  /** "Downloaded newer image for redis:7" / "Image is up to date for redis:7". */
  status?: string;
  digest?: string;
  /** The errorDetail text while the stream runs; `error` once explained. */
  errorText?: string;
  error?: WharfErrorShape;
}

/** Download counts for 70% of a layer, extraction for the rest (Docker Desktop's bar also moves twice). */
export function layerFraction(l: LayerProgress): number {
  const part = l.total > 0 ? Math.min(1, l.current / l.total) : 0;
  switch (l.phase) {
    case 'waiting':
      return 0;
    case 'downloading':
      return 0.7 * part;
    case 'downloaded':
      return 0.7;
    case 'extracting':
      return 0.7 + 0.3 * part;
    case 'done':
      return 1;
  }
}

export const pullCalls = {
  /** Starts `docker image pull ref` on the engine; progress arrives as 'pull:progress' for this client. */
  'pull:start': call<z.ZodObject<{ ref: typeof pullRef }>, PullProgress>(z.object({ ref: pullRef }).strict()),
  /** Aborts the engine request: the engine stops the pull. */
  'pull:cancel': call<z.ZodObject<{ pull: typeof pullId }>, null>(z.object({ pull: pullId }).strict()),
};
