// The compose:* calls: the real compose CLI (v2 plugin, v2 standalone or v1) run against the
// active engine, projects opened from a folder or file and remembered, or found through labels.
import { z } from 'zod';
import { call } from './define';
import type { WharfErrorShape } from './types';

/** A compose project name, as compose itself normalises it (lowercase, digits, '-', '_'). */
export const composeProjectName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9][a-z0-9_-]*$/);
export const composeServiceName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/);
/** An absolute path on this computer: a project folder, a compose file, an env file. */
export const hostPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'no NUL')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'an absolute path');

export const composeOpenInput = z
  .object({
    /** A folder holding compose.yaml (or docker-compose.yml, ...), or the compose file itself. */
    path: hostPath,
    name: composeProjectName.optional(),
    envFile: hostPath.optional(),
    profiles: z.array(composeServiceName).max(20).optional(),
  })
  .strict();
export type ComposeOpenInput = z.infer<typeof composeOpenInput>;

export const COMPOSE_ACTIONS = ['up', 'down', 'start', 'stop', 'restart', 'pull', 'build'] as const;
export type ComposeAction = (typeof COMPOSE_ACTIONS)[number];

export const composeActionInput = z
  .object({
    project: composeProjectName,
    action: z.enum(COMPOSE_ACTIONS),
    /** One service; absent: the whole project. */
    service: composeServiceName.optional(),
    /** down: also remove the project's named volumes (`-v`). */
    removeVolumes: z.boolean().optional(),
  })
  .strict();
export type ComposeActionInput = z.infer<typeof composeActionInput>;

export const composeLogsInput = z
  .object({
    project: composeProjectName,
    /** Only these services; empty: all of them. */
    services: z.array(composeServiceName).max(200),
    tail: z.number().int().min(0).max(100_000),
  })
  .strict();
export type ComposeLogsInput = z.infer<typeof composeLogsInput>;

/** Which compose was found, and how it is run. */
export interface ComposeCliInfo {
  found: boolean;
  /** `docker compose` (the v2 plugin), `docker-compose` v2, or `docker-compose` v1. */
  flavor?: 'plugin' | 'standalone' | 'v1';
  version?: string;
  /** The argv prefix Wharf runs, e.g. ["docker", "compose"] or ["/usr/bin/docker-compose"]. */
  command?: string[];
  /** Where it was found: resources (packaged), settings, PATH. */
  source?: 'resources' | 'settings' | 'path';
  error?: WharfErrorShape;
}

export interface ComposeProject {
  name: string;
  /** The project folder, when known (opened here, or from the containers' labels). */
  workingDir?: string;
  configFiles: string[];
  envFile?: string;
  profiles?: string[];
  /** Opened in Wharf (kept in compose-projects.json); false: found only through labels. */
  remembered: boolean;
  /** Services the compose file declares (opened projects) or the containers carry (found ones). */
  services: string[];
  /** The named volumes `down -v` removes (as the engine names them). */
  volumes?: string[];
  /** Relative bind mounts that, on a remote engine, mount a folder on the engine's host. */
  remoteBinds?: string[];
  /** The project can no longer be read (folder removed, file broken). */
  problem?: WharfErrorShape;
}

export interface ComposeRunResult {
  /** The command as a user would type it. */
  command: string;
  /** compose's own output (stdout and stderr, progress included). */
  output: string;
}

export interface ComposeProgress {
  project: string;
  action: ComposeAction;
  data: string;
}

export const composeCalls = {
  'compose:cli': call<z.ZodObject<{}>, ComposeCliInfo>(z.object({}).strict()),
  'compose:set-cli-path': call<z.ZodObject<{ path: z.ZodOptional<typeof hostPath> }>, ComposeCliInfo>(
    z.object({ path: hostPath.optional() }).strict(),
  ),
  'compose:projects': call<z.ZodObject<{}>, ComposeProject[]>(z.object({}).strict()),
  'compose:open': call<typeof composeOpenInput, ComposeProject>(composeOpenInput),
  'compose:forget': call<z.ZodObject<{ project: typeof composeProjectName }>, null>(
    z.object({ project: composeProjectName }).strict(),
  ),
  'compose:action': call<typeof composeActionInput, ComposeRunResult>(composeActionInput),
  /** The project's containers' logs merged in one stream (logs:chunk / logs:end, logs:close). */
  'compose:logs-open': call<typeof composeLogsInput, { stream: string }>(composeLogsInput),
};
