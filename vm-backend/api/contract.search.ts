import { z } from 'zod';
import { call } from './define';
import type { WharfErrorShape } from './types';

/** Search text is only text: any characters, trimmed and capped by the backend. */
export const searchTerm = z.string().max(1000);
/** 'hub' or a configured registry's host[:port]. */
export const searchSource = z
  .string()
  .min(1)
  .max(260)
  .regex(/^(hub|[a-zA-Z0-9.[\]:-]+)$/);
export const repositoryName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/);

export interface SearchResult {
  /** What to pull: "redis", "me/app", "127.0.0.1:5000/wharf/busybox". */
  name: string;
  /** The repository inside its source (tags are asked for with this). */
  repository: string;
  description?: string;
  stars?: number;
  pulls?: number;
  official?: boolean;
}

export interface SearchGroup {
  source: string;
  results: SearchResult[];
  /** Hub's own search failed and the engine's /images/search answered instead. */
  via?: 'engine';
  /** More matched than were returned. */
  truncated?: boolean;
}

export interface TagInfo {
  name: string;
  size?: number;
  /** ISO time of the last push, where the source says. */
  updated?: string;
}

export interface TagPage {
  tags: TagInfo[];
  /** Cursor for the next page, absent on the last. */
  next?: string;
}

/** Where an image a lesson needs can come from: Docker Hub, or one of the registries Wharf knows. */
export interface ImageSourceRow {
  /** 'hub' or a registry's host[:port]. */
  source: string;
  state: 'found' | 'missing' | 'failed';
  /** What to pull from there when found: "hello-world:latest", "127.0.0.1:5000/wharf/busybox:latest". */
  refs: string[];
  /** Why the source could not be asked (offline, refused credentials), when failed. */
  error?: WharfErrorShape;
}

export interface ImageSources {
  /** The image asked about, as docker names it ("hello-world:latest"). */
  image: string;
  sources: ImageSourceRow[];
}

/** An image reference to look for (checked against Docker's grammar by the backend). */
const imageRef = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^\s\0]+$/, 'not an image reference');

export const searchCalls = {
  'search:image-sources': call<z.ZodObject<{ image: typeof imageRef }>, ImageSources>(
    z.object({ image: imageRef }).strict(),
  ),
  'search:source': call<z.ZodObject<{ source: typeof searchSource; term: typeof searchTerm }>, SearchGroup>(
    z.object({ source: searchSource, term: searchTerm }).strict(),
  ),
  'search:tags': call<
    z.ZodObject<{ source: typeof searchSource; repository: typeof repositoryName; cursor: z.ZodOptional<z.ZodString> }>,
    TagPage
  >(z.object({ source: searchSource, repository: repositoryName, cursor: z.string().max(300).optional() }).strict()),
};
