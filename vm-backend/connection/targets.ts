// Engine targets the user named (`wharf context add`), and which one is active. `local` and `vm`
// (Wharf's own VM) are always there; the VM is the default on macOS and Windows, which have no local engine. Kept in <data>/targets.json (0600): names, engine addresses and key paths, no secrets.
import { join } from 'node:path';
import { z } from 'zod';
import { COMMAND_LINE_TARGET } from '../api/rules/docker-context-name';
import { readSettingsFile, writeSettingsFileSync } from './settings-file';

export interface Target {
  name: string;
  /** `local`, `vm`, or `ssh://user@host:port`. */
  engine: string;
  identity?: string;
}

interface Stored {
  active: string;
  targets: Target[];
}

export const LOCAL: Target = { name: 'local', engine: 'local' };
export const VM: Target = { name: 'vm', engine: 'vm' };
const BUILT_IN = [LOCAL, VM];
export const isBuiltIn = (name: string): boolean => BUILT_IN.some((t) => t.name === name);

/** Where Wharf starts before the user picks: the VM where the OS has no Docker of its own. */
export const defaultTargetName = (platform: NodeJS.Platform = process.platform): string =>
  platform === 'darwin' || platform === 'win32' ? 'vm' : 'local';
const NAME = /^[a-z0-9][a-z0-9_.-]{0,40}$/;

export class TargetError extends Error {}

// The file's shape. A file that does not fit (an entry with a name Wharf would never save is a hand
// edit gone wrong) is set aside whole rather than losing that entry at the next save.
const storedSchema = z.object({
  active: z.string().optional(),
  targets: z
    .array(
      z.object({ name: z.string().regex(NAME), engine: z.string(), identity: z.string().optional() }).passthrough(),
    )
    .default([]),
});

export class TargetStore {
  readonly file: string;
  constructor(
    dataDir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = join(dataDir, 'targets.json');
  }

  private read(): Stored {
    const s = readSettingsFile(this.file, storedSchema, { targets: [] });
    const targets = s.targets
      .filter((t) => !isBuiltIn(t.name))
      .map((t) => ({ name: t.name, engine: t.engine, ...(t.identity ? { identity: t.identity } : {}) }));
    const known = (n: unknown): n is string =>
      typeof n === 'string' && (isBuiltIn(n) || targets.some((t) => t.name === n));
    return { active: known(s.active) ? s.active : defaultTargetName(this.platform), targets };
  }

  private write(s: Stored): void {
    writeSettingsFileSync(this.file, s, { mode: 0o600 });
  }

  list(): { targets: Target[]; active: string } {
    const s = this.read();
    return { targets: [...BUILT_IN, ...s.targets], active: s.active };
  }

  get(name: string): Target {
    const t = this.list().targets.find((x) => x.name === name);
    if (!t) throw new TargetError(`no target named "${name}" (see: wharf context ls)`);
    return t;
  }

  active(): Target {
    return this.get(this.read().active);
  }

  /** The target to start on: `--engine` (a saved target when one matches it), else the active one. */
  startTarget(engine: string | undefined, identity?: string): Target {
    if (engine === undefined) return this.active();
    const saved = this.list().targets.find((t) => t.engine === engine && (t.identity ?? '') === (identity ?? ''));
    if (saved) return saved;
    return (
      BUILT_IN.find((t) => t.engine === engine) ?? {
        name: COMMAND_LINE_TARGET,
        engine,
        ...(identity ? { identity } : {}),
      }
    );
  }

  /** Adds or replaces a target. */
  save(t: Target): void {
    if (!NAME.test(t.name))
      throw new TargetError(
        `a target name is 1-41 of a-z 0-9 _ . - (starting with a letter or digit), got "${t.name}"`,
      );
    if (isBuiltIn(t.name)) throw new TargetError(`"${t.name}" is built in and cannot be changed`);
    const s = this.read();
    s.targets = [
      ...s.targets.filter((x) => x.name !== t.name),
      { name: t.name, engine: t.engine, ...(t.identity ? { identity: t.identity } : {}) },
    ];
    this.write(s);
  }

  use(name: string): Target {
    const t = this.get(name);
    const s = this.read();
    s.active = t.name;
    this.write(s);
    return t;
  }

  remove(name: string): void {
    if (isBuiltIn(name)) throw new TargetError(`"${name}" is built in and cannot be removed`);
    const s = this.read();
    if (!s.targets.some((t) => t.name === name)) throw new TargetError(`no target named "${name}"`);
    s.targets = s.targets.filter((t) => t.name !== name);
    if (s.active === name) s.active = defaultTargetName(this.platform);
    this.write(s);
  }
}
