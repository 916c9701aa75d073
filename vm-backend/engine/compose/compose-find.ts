// Finds the real compose CLI: a binary shipped in the packaged app's resources first, then a path
// set in settings, then `docker compose` (the v2 plugin) and `docker-compose` (v2 or v1) on PATH.
// Each candidate is asked its version; the first that answers and is recent enough wins.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ComposeCliInfo } from '../../api/contract.compose';
import { composeNotFound, composeTooOld } from './compose-errors';

/** compose v1 understands a file without `version:` (the Compose Specification) from 1.27. */
export const MIN_V1 = [1, 27, 0] as const;

export interface Candidate {
  command: string[];
  source: NonNullable<ComposeCliInfo['source']>;
}

export interface FindOptions {
  /** The packaged app's resources folder (process.resourcesPath), holding compose/docker-compose. */
  resourcesDir?: string;
  /** A compose binary the user named in settings. */
  settingsPath?: string;
  platform?: NodeJS.Platform;
  /** Runs `argv` and gives its stdout (tests replace it). */
  run?: (argv: string[]) => Promise<string>;
}

export function candidates(o: FindOptions): Candidate[] {
  const exe = (o.platform ?? process.platform) === 'win32' ? '.exe' : '';
  const out: Candidate[] = [];
  if (o.resourcesDir) {
    const shipped = join(o.resourcesDir, 'compose', `docker-compose${exe}`);
    if (existsSync(shipped)) out.push({ command: [shipped], source: 'resources' });
  }
  if (o.settingsPath) out.push({ command: [o.settingsPath], source: 'settings' });
  out.push({ command: ['docker', 'compose'], source: 'path' });
  out.push({ command: [`docker-compose${exe}`], source: 'path' });
  return out;
}

/** "Docker Compose version v2.24.5", "docker-compose version 1.29.2, build unknown" -> the numbers. */
export function parseComposeVersion(text: string): { version: string; parts: number[] } | null {
  const m = /version v?(\d+)\.(\d+)\.(\d+)/i.exec(text);
  if (!m) return null;
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { version: parts.join('.'), parts };
}

function older(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

export function runVersion(argv: string[]): Promise<string> {
  const [file, ...args] = argv;
  return new Promise((resolve, reject) => {
    execFile(file ?? '', [...args, 'version'], { timeout: 10_000, windowsHide: true }, (err, stdout) =>
      err ? reject(err) : resolve(String(stdout)),
    );
  });
}

/** The first candidate that answers; the found or the missing state, never a throw. */
export async function findCompose(o: FindOptions = {}): Promise<ComposeCliInfo> {
  const run = o.run ?? runVersion;
  const tried: string[] = [];
  let tooOld: ComposeCliInfo | null = null;
  for (const c of candidates(o)) {
    let text: string;
    try {
      text = await run(c.command);
    } catch (e) {
      tried.push(`${c.command.join(' ')}: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const v = parseComposeVersion(text);
    if (!v) {
      tried.push(`${c.command.join(' ')}: no version in "${text.trim().slice(0, 80)}"`);
      continue;
    }
    const major = v.parts[0] ?? 0;
    if (major < 2 && older(v.parts, MIN_V1)) {
      tooOld ??= { found: false, error: composeTooOld(v.version, c.command.join(' ')).toJSON() };
      continue;
    }
    const flavor = c.command.length > 1 ? 'plugin' : major >= 2 ? 'standalone' : 'v1';
    return { found: true, flavor, version: v.version, command: c.command, source: c.source };
  }
  return tooOld ?? { found: false, error: composeNotFound(tried.join('; ')).toJSON() };
}
