// Opens a project: a folder (its compose.yaml, docker-compose.yml, ...) or a compose file, checked
// with `compose config` first, so a mistake is shown with its line before anything runs. What
// `config` prints (the resolved project) gives the services and the bind mounts.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import type { ComposeOpenInput } from '../../api/contract.compose';
import { type ComposeTarget, composeGlobalArgs } from '../../api/rules/compose-args';
import { composeFileMissing } from './compose-errors';
import { configError } from './compose-failure';
import { runCompose } from './compose-run';

/** The names compose looks for in a folder, in its own order of preference. */
export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

export interface ResolvedProject extends ComposeTarget {
  workingDir: string;
  services: string[];
  /** Host folders the project bind-mounts (absolute, as `config` resolves them). */
  bindSources: string[];
  volumes: string[];
}

/** The project's own named volumes as the engine names them (`<project>_<key>` unless named). */
export function projectVolumes(config: unknown, project: string): string[] {
  const vols = (config as { volumes?: Record<string, { external?: unknown; name?: string } | null> })?.volumes ?? {};
  return Object.entries(vols)
    .filter(([, v]) => !v?.external)
    .map(([k, v]) => v?.name ?? `${project}_${k}`)
    .sort();
}

/** compose's default project name: the folder's name, lowercased, other characters dropped. */
export function defaultProjectName(folder: string): string {
  const name = basename(folder)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
  return /^[a-z0-9]/.test(name) ? name : `p${name}`.slice(0, 63) || 'project';
}

/** The compose file a path names: the file itself, or the first known name in the folder. */
export function composeFileAt(path: string): string {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    throw composeFileMissing(path, (e as Error).message);
  }
  if (st.isFile()) return path;
  for (const n of COMPOSE_FILE_NAMES) if (existsSync(join(path, n))) return join(path, n);
  throw composeFileMissing(path, `none of ${COMPOSE_FILE_NAMES.join(', ')} in ${path}`);
}

/** Bind mount sources in `config`'s output: v2's long form ({type: bind, source}) and v1's "src:dst". */
export function bindSources(config: unknown): string[] {
  const out = new Set<string>();
  const services = (config as { services?: Record<string, { volumes?: unknown[] }> })?.services ?? {};
  for (const svc of Object.values(services)) {
    for (const v of svc?.volumes ?? []) {
      if (typeof v === 'string') {
        const src = v.split(':')[0] ?? '';
        if (src.startsWith('/') || src.startsWith('.') || src.startsWith('~')) out.add(src);
      } else if (v && typeof v === 'object' && (v as { type?: string }).type === 'bind') {
        const src = (v as { source?: string }).source;
        if (src) out.add(src);
      }
    }
  }
  return [...out];
}

export async function openProject(
  command: readonly string[],
  dockerHost: string,
  o: ComposeOpenInput,
): Promise<ResolvedProject> {
  const file = composeFileAt(resolve(o.path));
  const workingDir = dirname(file);
  if (o.envFile && !existsSync(o.envFile)) throw composeFileMissing(o.envFile, 'env file not found');
  const target: ComposeTarget = {
    name: o.name ?? defaultProjectName(workingDir),
    configFiles: [file],
    ...(o.envFile ? { envFile: o.envFile } : {}),
    ...(o.profiles?.length ? { profiles: o.profiles } : {}),
  };
  const res = await runCompose({
    command,
    dockerHost,
    cwd: workingDir,
    args: [...composeGlobalArgs(target), 'config'],
  });
  if (res.code !== 0) throw configError(res.output, file);
  let config: unknown;
  try {
    config = yaml.load(res.stdout);
  } catch (e) {
    throw configError(String(e), file);
  }
  const services = Object.keys((config as { services?: object })?.services ?? {}).sort();
  const binds = bindSources(config).map((s) => (isAbsolute(s) ? s : resolve(workingDir, s)));
  return { ...target, workingDir, services, bindSources: binds, volumes: projectVolumes(config, target.name) };
}
