// The projects opened in Wharf and the compose path set in settings, in compose-projects.json
// (Wharf's config folder), read and written through connection/settings-file.ts: atomic writes,
// a broken file set aside and named, never overwritten.
import { join } from 'node:path';
import { z } from 'zod';
import { composeProjectName, composeServiceName, hostPath } from '../../api/contract.compose';
import { readSettingsFile, writeSettingsFile } from '../../connection/settings-file';
import { configDir } from '../../registry/registry-store';

export const MAX_PROJECTS = 100;

const storedProject = z.object({
  name: composeProjectName,
  workingDir: hostPath,
  configFiles: z.array(hostPath).min(1).max(20),
  envFile: hostPath.optional(),
  profiles: z.array(composeServiceName).max(20).optional(),
  services: z.array(composeServiceName).max(500),
  bindSources: z.array(z.string().max(4096)).max(500).default([]),
  volumes: z.array(z.string().max(255)).max(500).default([]),
});
export type StoredProject = z.infer<typeof storedProject>;

const fileSchema = z.object({
  cliPath: hostPath.optional(),
  projects: z.array(storedProject).max(MAX_PROJECTS),
});
type ComposeFile = z.infer<typeof fileSchema>;

export class ComposeStore {
  private cache: ComposeFile | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly file: string = join(configDir(), 'compose-projects.json')) {}

  private read(): ComposeFile {
    this.cache ??= readSettingsFile(this.file, fileSchema, { projects: [] });
    return this.cache;
  }

  projects(): StoredProject[] {
    return this.read().projects;
  }

  get(name: string): StoredProject | undefined {
    return this.projects().find((p) => p.name === name);
  }

  cliPath(): string | undefined {
    return this.read().cliPath;
  }

  async setCliPath(path: string | undefined): Promise<void> {
    const { cliPath: old, ...rest } = this.read();
    if (old === path) return;
    await this.save(path ? { ...rest, cliPath: path } : rest);
  }

  /** Adds or replaces (same name); the newest first. */
  async put(p: StoredProject): Promise<void> {
    const f = this.read();
    const others = f.projects.filter((x) => x.name !== p.name).slice(0, MAX_PROJECTS - 1);
    await this.save({ ...f, projects: [p, ...others] });
  }

  async remove(name: string): Promise<void> {
    const f = this.read();
    if (!f.projects.some((x) => x.name === name)) return;
    await this.save({ ...f, projects: f.projects.filter((x) => x.name !== name) });
  }

  /** Writes, then (once on disk) makes it what the app sees; writes run one after another. */
  private async save(next: ComposeFile): Promise<void> {
    const write = async (): Promise<void> => {
      await writeSettingsFile(this.file, next);
      this.cache = next;
    };
    const done = this.writing.then(write, write);
    this.writing = done.catch(() => undefined);
    await done;
  }
}
