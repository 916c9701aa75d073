// The build domain: an image from a folder and its Dockerfile (`docker build`), run by the
// backend so it goes on when the view is left; its log kept on disk, the last 20 remembered.
import { z } from 'zod';
import { call } from './define';
import { BUILD_ARG_NAME, dockerfileProblem, tagProblem } from './rules/build-form';
import type { DockerfileInfo } from './rules/build-dockerfile';
import type { WharfErrorShape } from './types';

/** `build-<backend run>-<n>`. */
export const buildId = z.string().regex(/^build-[0-9a-z]{1,16}-\d{1,12}$/);

const folder = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') && !/[\u0000-\u001f]/.test(p), 'an absolute path');
const dockerfile = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !dockerfileProblem(p), 'a path inside the folder');

export const buildInput = z
  .object({
    folder,
    dockerfile: dockerfile.default('Dockerfile'),
    tags: z
      .array(
        z
          .string()
          .max(300)
          .refine((t) => tagProblem(t) === null, 'not a valid image name'),
      )
      .max(20),
    buildArgs: z
      .array(z.object({ name: z.string().regex(BUILD_ARG_NAME).max(200), value: z.string().max(8192) }).strict())
      .max(100)
      .default([]),
    target: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/)
      .optional(),
    noCache: z.boolean().default(false),
    pull: z.boolean().default(false),
    /** Go on with a context over the size warning (a confirmed 5 GB upload). */
    large: z.boolean().default(false),
  })
  .strict();

/** What will be sent to the engine, counted before the upload (the .dockerignore applied). */
export interface ContextSummary {
  bytes: number;
  files: number;
  /** The largest folders at the top of the context, biggest first. */
  biggest: { path: string; bytes: number; files: number }[];
  /** Folders a Dockerfile rarely needs (node_modules, .git, target) that are in the context. */
  ignorable: { path: string; bytes: number }[];
  dockerignore: boolean;
  /** Over the size Wharf asks about before sending (BUILD_CONTEXT_WARN_BYTES). */
  large: boolean;
  /** Files that will not be sent because they cannot be read, or links that lead outside. */
  problems: { path: string; problem: 'unreadable' | 'link-outside' }[];
}

export const BUILD_CONTEXT_WARN_BYTES = 1024 ** 3;
export const BUILD_HISTORY_MAX = 20;

export interface BuildInspect {
  /** Files in the folder that look like Dockerfiles (the choices). */
  dockerfiles: string[];
  /** The chosen Dockerfile read (null: it does not exist). */
  info: DockerfileInfo | null;
  summary: ContextSummary;
}

export interface BuildStep {
  n: number;
  total: number;
  /** "RUN npm install" */
  text: string;
  /** The Dockerfile line it came from (1-based), when known. */
  line?: number;
  startedAt: number;
  ms?: number;
  cached: boolean;
}

export interface BuildRecord {
  id: string;
  /** The engine it ran on. */
  target: string;
  folder: string;
  dockerfile: string;
  tags: string[];
  options: { buildArgs: { name: string; value: string }[]; target?: string; noCache: boolean; pull: boolean };
  state: 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  startedAt: number;
  endedAt?: number;
  steps: BuildStep[];
  imageId?: string;
  /** The last stage's EXPOSEd ports, for "Run" (-p 3000:3000). */
  exposes: string[];
  error?: WharfErrorShape;
  /** The Dockerfile line the failed step came from. */
  errorLine?: number;
  /** Bytes of log so far (build:log reads it; build:output chunks carry their offset). */
  logBytes: number;
}

export interface BuildOutput {
  build: string;
  /** Where `text` starts in the build's log (bytes). */
  offset: number;
  text: string;
}

const inspectInput = z.object({ folder, dockerfile: dockerfile.default('Dockerfile') }).strict();
const cancelInput = z.object({ build: buildId }).strict();
const logInput = z.object({ build: buildId, from: z.number().int().min(0).default(0) }).strict();
const ignoreInput = z.object({ folder, pattern: z.enum(['node_modules', '.git', 'target']) }).strict();

export const buildCalls = {
  'build:inspect': call<typeof inspectInput, BuildInspect>(inspectInput),
  'build:start': call<typeof buildInput, BuildRecord>(buildInput),
  'build:cancel': call<typeof cancelInput, null>(cancelInput),
  'build:list': call<z.ZodObject<{}>, BuildRecord[]>(z.object({}).strict()),
  /** The log from `from` (bytes), at most 4 MB per answer. */
  'build:log': call<typeof logInput, { text: string; size: number; next: number }>(logInput),
  /** Adds a line to the folder's .dockerignore (creating it): node_modules, .git or target. */
  'build:ignore-add': call<typeof ignoreInput, null>(ignoreInput),
};
