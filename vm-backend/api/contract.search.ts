import { z } from 'zod';
import { call } from './define';

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

export const searchCalls = {
  'search:source': call<z.ZodObject<{ source: typeof searchSource; term: typeof searchTerm }>, SearchGroup>(
    z.object({ source: searchSource, term: searchTerm }).strict(),
  ),
  'search:tags': call<
    z.ZodObject<{ source: typeof searchSource; repository: typeof repositoryName; cursor: z.ZodOptional<z.ZodString> }>,
    TagPage
  >(z.object({ source: searchSource, repository: repositoryName, cursor: z.string().max(300).optional() }).strict()),
};
