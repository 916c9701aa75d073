// The projects the window lists: those opened in Wharf (compose-projects.json) and those found
// only through their containers' labels, merged by name. A remembered project whose folder or
// file is gone shows with its problem instead of vanishing.
import { existsSync } from 'node:fs';
import type Docker from 'dockerode';
import type { ComposeProject } from '../../api/contract.compose';
import { composeFileMissing } from './compose-errors';
import type { StoredProject } from './compose-store';

const PROJECT = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';
const WORKING_DIR = 'com.docker.compose.project.working_dir';
const CONFIG_FILES = 'com.docker.compose.project.config_files';

interface Found {
  workingDir?: string;
  configFiles: string[];
  services: Set<string>;
}

/** Projects as the engine's containers label them. */
export async function projectsFromLabels(docker: Docker): Promise<Map<string, Found>> {
  const list = await docker.listContainers({ all: true, filters: { label: [PROJECT] } });
  const out = new Map<string, Found>();
  for (const c of list) {
    const name = c.Labels[PROJECT];
    if (!name) continue;
    let f = out.get(name);
    if (!f) {
      const wd = c.Labels[WORKING_DIR];
      const files = (c.Labels[CONFIG_FILES] ?? '').split(',').filter(Boolean);
      f = { ...(wd ? { workingDir: wd } : {}), configFiles: files, services: new Set() };
      out.set(name, f);
    }
    const svc = c.Labels[SERVICE];
    if (svc) f.services.add(svc);
  }
  return out;
}

/** A remembered project's files must still be there. */
export function storedProblem(p: StoredProject): ComposeProject['problem'] {
  const missing = [p.workingDir, ...p.configFiles].find((f) => !existsSync(f));
  return missing ? composeFileMissing(missing, `${missing}: no such file or folder`).toJSON() : undefined;
}

export function mergeProjects(stored: StoredProject[], found: Map<string, Found>, remote: boolean): ComposeProject[] {
  const out: ComposeProject[] = [];
  for (const p of stored) {
    const f = found.get(p.name);
    const problem = storedProblem(p);
    out.push({
      name: p.name,
      workingDir: p.workingDir,
      configFiles: p.configFiles,
      ...(p.envFile ? { envFile: p.envFile } : {}),
      ...(p.profiles?.length ? { profiles: p.profiles } : {}),
      remembered: true,
      services: [...new Set([...p.services, ...(f?.services ?? [])])].sort(),
      ...(p.volumes.length ? { volumes: p.volumes } : {}),
      ...(remote && p.bindSources.length ? { remoteBinds: p.bindSources } : {}),
      ...(problem ? { problem } : {}),
    });
  }
  for (const [name, f] of found) {
    if (stored.some((p) => p.name === name)) continue;
    out.push({
      name,
      ...(f.workingDir ? { workingDir: f.workingDir } : {}),
      configFiles: f.configFiles,
      remembered: false,
      services: [...f.services].sort(),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
