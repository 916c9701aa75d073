// The compose:* calls on the scope's engine: find the CLI, open and remember projects, list them
// (remembered and found through labels), run an action, and open the project's merged logs.
import { existsSync } from 'node:fs';
import type { CallName } from '../../api/contract';
import type { ComposeCliInfo, ComposeProject } from '../../api/contract.compose';
import { WharfError } from '../../api/errors';
import type { HandlerMap } from '../../api/handler';
import {
  type ComposeTarget,
  composeActionArgs,
  composeCommandText,
  composeDisplayPrefix,
  composeGlobalArgs,
} from '../../api/rules/compose-args';
import type { ScopeContext } from '../scope-context';
import {
  composeFileMissing,
  composeNoEngineSocket,
  composeProjectUnknown,
  composeUnknownService,
} from './compose-errors';
import { classifyFailure } from './compose-failure';
import { findCompose } from './compose-find';
import { openProjectLogs } from './compose-logs';
import { openProject } from './compose-open';
import { mergeProjects, projectsFromLabels, storedProblem } from './compose-projects';
import { runCompose } from './compose-run';
import { ComposeStore } from './compose-store';

export type ComposeCall = Extract<CallName, `compose:${string}`>;

/** One store and one CLI lookup per settings file, shared by every engine scope. */
const stores = new Map<string, ComposeStore>();
const finds = new Map<string, Promise<ComposeCliInfo>>();

function storeFor(file?: string): ComposeStore {
  const s = new ComposeStore(file);
  const have = stores.get(s.file);
  if (have) return have;
  stores.set(s.file, s);
  return s;
}

/** Forgets the cached CLI lookups (tests, and a changed compose path). */
export function resetComposeCli(): void {
  finds.clear();
}

export function composeHandlers(ctx: ScopeContext, file?: string): HandlerMap<ComposeCall> {
  const { session, streams } = ctx;
  const store = storeFor(file);
  const cli = (): Promise<ComposeCliInfo> => {
    let f = finds.get(store.file);
    if (!f) {
      const resourcesDir = (process as { resourcesPath?: string }).resourcesPath;
      const settingsPath = store.cliPath();
      f = findCompose({ ...(resourcesDir ? { resourcesDir } : {}), ...(settingsPath ? { settingsPath } : {}) });
      finds.set(store.file, f);
    }
    return f;
  };
  const needCli = async (): Promise<string[]> => {
    const c = await cli();
    if (!c.found || !c.command)
      throw WharfError.received(c.error ?? { code: 'COMPOSE_NOT_FOUND', message: '', hint: '', detail: '' });
    return c.command;
  };
  const dockerHost = (): string => {
    const h = ctx.dockerHost();
    if (!h) throw composeNoEngineSocket(session.conn.endpoint);
    return h;
  };
  // A bind mount on an SSH engine mounts the engine host's folder (Wharf's VM shares the user's).
  const remote = (): boolean => session.conn.kind === 'ssh' && ctx.target !== 'vm';

  const projects = async (): Promise<ComposeProject[]> =>
    mergeProjects(store.projects(), await projectsFromLabels(session.client()), remote());

  const targetFor = async (name: string): Promise<ComposeTarget & { services: string[] }> => {
    const stored = store.get(name);
    if (stored) {
      const problem = storedProblem(stored);
      if (problem) throw WharfError.received(problem);
      return stored;
    }
    const found = (await projectsFromLabels(session.client())).get(name);
    if (!found) throw composeProjectUnknown(name);
    // Found through labels: its files if this computer has them (v2 can stop or remove without).
    const files = found.configFiles.filter((f) => existsSync(f));
    return {
      name,
      configFiles: files,
      ...(found.workingDir && existsSync(found.workingDir) ? { workingDir: found.workingDir } : {}),
      services: [...found.services],
    };
  };

  return {
    'compose:cli': () => cli(),
    'compose:set-cli-path': async ({ path }) => {
      if (path && !existsSync(path)) throw composeFileMissing(path, 'no such file');
      await store.setCliPath(path);
      finds.delete(store.file);
      return cli();
    },
    'compose:projects': () => projects(),
    'compose:open': async (o) => {
      const command = await needCli();
      const p = await openProject(command, dockerHost(), o);
      await store.put({
        name: p.name,
        workingDir: p.workingDir,
        configFiles: p.configFiles,
        ...(p.envFile ? { envFile: p.envFile } : {}),
        ...(p.profiles ? { profiles: p.profiles } : {}),
        services: p.services,
        bindSources: p.bindSources,
        volumes: p.volumes,
      });
      const listed = (await projects()).find((x) => x.name === p.name);
      if (!listed) throw composeProjectUnknown(p.name);
      return listed;
    },
    'compose:forget': async ({ project }) => {
      await store.remove(project);
      return null;
    },
    'compose:action': async ({ project, action, service, removeVolumes }, client) => {
      const command = await needCli();
      const target = await targetFor(project);
      if (service && target.services.length && !target.services.includes(service))
        throw composeUnknownService(service, `services: ${target.services.join(', ')}`);
      const opts = { ...(service ? { service } : {}), ...(removeVolumes ? { removeVolumes } : {}) };
      const text = composeCommandText(composeDisplayPrefix(command), target, action, opts);
      const res = await runCompose({
        command,
        dockerHost: dockerHost(),
        ...(target.workingDir ? { cwd: target.workingDir } : {}),
        args: [...composeGlobalArgs(target), ...composeActionArgs(action, opts)],
        onOutput: (data) => client?.send('compose:progress', { project, action, data }),
      });
      if (res.code !== 0) throw classifyFailure(text, res.output, service);
      return { command: text, output: res.output };
    },
    'compose:logs-open': (o, client) => openProjectLogs(session, streams, client, o),
  };
}
