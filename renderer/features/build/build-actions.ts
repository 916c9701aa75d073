// What the Build view's clicks do: each records its docker command (the CLI bar) and answers
// with what to show.
import type { BuildRecord } from '../../../vm-backend/api/contract.build';
import { LOOPBACK, emptyForm, type RunForm } from '../../../vm-backend/api/rules/run-form';
import { buildCommand, type BuildForm, type TagProblem, tagProblem } from '../../../vm-backend/api/rules/build-form';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge';
import { runAction } from '../../components/run-action';
import { useBuilds } from './build-store';

export const splitTags = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** The first tag that is not a valid image name, and why. */
export function firstTagProblem(text: string): { tag: string; problem: TagProblem } | null {
  for (const tag of text.split(',').map((t) => t.trim())) {
    if (!tag && !text.trim()) return null;
    const problem = tagProblem(tag);
    if (problem && !(problem === 'empty' && text.trim().endsWith(','))) return { tag, problem };
  }
  return null;
}

export async function startBuild(
  bridge: Bridge,
  form: BuildForm,
  large: boolean,
): Promise<{ record?: BuildRecord; error?: WharfErrorShape }> {
  const r = await runAction(buildCommand(form), () =>
    bridge.call('build:start', {
      folder: form.folder,
      dockerfile: form.dockerfile,
      tags: form.tags,
      buildArgs: form.buildArgs.filter((a) => a.name),
      ...(form.target ? { target: form.target } : {}),
      noCache: form.noCache,
      pull: form.pull,
      large,
    }),
  );
  if (r.value) {
    useBuilds.getState().upsert(r.value);
    useBuilds.getState().show(r.value.id);
    return { record: r.value };
  }
  return { error: r.error };
}

export async function cancelBuild(bridge: Bridge, id: string): Promise<WharfErrorShape | null> {
  const r = await runAction('Ctrl+C (docker build)', () => bridge.call('build:cancel', { build: id }));
  return r.error ?? null;
}

export async function addIgnore(
  bridge: Bridge,
  folder: string,
  pattern: 'node_modules' | '.git' | 'target',
): Promise<WharfErrorShape | null> {
  const r = await runAction(`echo ${pattern} >> .dockerignore`, () =>
    bridge.call('build:ignore-add', { folder, pattern }),
  );
  return r.error ?? null;
}

/** The run dialog's form for a built image: its EXPOSEd ports published on the same host ports. */
export function runFormFor(record: BuildRecord): RunForm {
  const image = record.tags[0] ?? record.imageId ?? '';
  return {
    ...emptyForm(image),
    ports: record.exposes.map((p) => {
      const [port = '', proto] = p.split('/');
      return { hostIp: LOOPBACK, hostPort: port, containerPort: port, protocol: proto === 'udp' ? 'udp' : 'tcp' };
    }),
  };
}

/** A record's form, for "Build again". */
export function formOf(r: BuildRecord): BuildForm & { tagsText: string } {
  return {
    folder: r.folder,
    dockerfile: r.dockerfile,
    tags: r.tags,
    tagsText: r.tags.join(', '),
    buildArgs: r.options.buildArgs,
    ...(r.options.target ? { target: r.options.target } : {}),
    noCache: r.options.noCache,
    pull: r.options.pull,
  };
}
