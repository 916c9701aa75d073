// Where an image a lesson needs can come from, when the engine does not have it: Docker Hub (its
// tags API: found, not there, or unreachable offline), and each registry Wharf knows, by the same
// name (`host/hello-world`, `host/library/hello-world`) or, through its catalog, by the same last
// name (`host/wharf/busybox` for busybox). Each source answers on its own, within a time limit, so
// one hanging registry only fills its own row.
import type { ImageSourceRow, ImageSources } from '../api/contract.search';
import { WharfError } from '../api/errors';
import type { WharfErrorShape } from '../api/types';
import { formatReference, parseReference, REFERENCE_PROBLEM_TEXT } from '../api/rules/reference';
import type { RegistryTarget } from './v2-client';

/** Repositories with the same last name looked at per registry (each one HEAD request). */
const MAX_LOOKALIKES = 3;

export interface SourceDeps {
  registries(): Promise<RegistryTarget[]>;
  /** A registry's repositories (cached by the caller); may fail (no catalog served). */
  catalog(t: RegistryTarget): Promise<{ repositories: string[] }>;
  hasTag(t: RegistryTarget, repository: string, reference: string): Promise<boolean>;
  hubHasTag(repository: string, tag: string): Promise<boolean>;
}

const shapeOf = (e: unknown): WharfErrorShape =>
  e instanceof WharfError
    ? e.toJSON()
    : { code: 'REGISTRY_UNREACHABLE', message: 'The source could not be asked.', hint: '', detail: String(e) };

const failed = (source: string, e: unknown): ImageSourceRow => ({
  source,
  state: 'failed',
  refs: [],
  error: shapeOf(e),
});

async function hubRow(deps: SourceDeps, path: string, tag: string): Promise<ImageSourceRow> {
  try {
    const found = await deps.hubHasTag(path, tag);
    const name = path.replace(/^library\//, '');
    return found
      ? { source: 'hub', state: 'found', refs: [`${name}:${tag}`] }
      : { source: 'hub', state: 'missing', refs: [] };
  } catch (e) {
    return failed('hub', e);
  }
}

async function registryRow(
  deps: SourceDeps,
  t: RegistryTarget,
  exact: readonly string[],
  lastName: string | null,
  reference: string,
  sep: ':' | '@',
): Promise<ImageSourceRow> {
  const refOf = (repository: string): string => `${t.host}/${repository}${sep}${reference}`;
  try {
    for (const repository of exact)
      if (await deps.hasTag(t, repository, reference))
        return { source: t.host, state: 'found', refs: [refOf(repository)] };
    if (lastName) {
      const repositories = await deps.catalog(t).then(
        (c) => c.repositories,
        () => [] as string[], // no catalog served: only the exact names could be asked
      );
      const alike = repositories
        .filter((r) => !exact.includes(r) && r.split('/').at(-1) === lastName)
        .slice(0, MAX_LOOKALIKES);
      const found: string[] = [];
      for (const repository of alike) if (await deps.hasTag(t, repository, reference)) found.push(refOf(repository));
      if (found.length) return { source: t.host, state: 'found', refs: found };
    }
    return { source: t.host, state: 'missing', refs: [] };
  } catch (e) {
    return failed(t.host, e);
  }
}

export async function findImageSources(image: string, deps: SourceDeps): Promise<ImageSources> {
  const parsed = parseReference(image);
  if (!parsed.ok)
    throw new WharfError({
      code: 'INVALID_REFERENCE',
      message: `"${image.slice(0, 100)}" is not a valid image name.`,
      hint: REFERENCE_PROBLEM_TEXT[parsed.problem],
      detail: parsed.problem,
      params: { ref: image.slice(0, 100), problem: parsed.problem },
    });
  const ref = parsed.ref;
  const reference = ref.digest ?? ref.tag ?? 'latest';
  const sep = ref.digest ? '@' : ':';
  const registries = await deps.registries();
  const rows: Promise<ImageSourceRow>[] = [];
  if (ref.domain === 'docker.io') {
    // Hub's tags API knows tags, not digests.
    if (!ref.digest) rows.push(hubRow(deps, ref.path, reference));
    const short = ref.path.replace(/^library\//, '');
    const exact = short === ref.path ? [short] : [short, ref.path];
    const lastName = short.split('/').at(-1) ?? short;
    for (const t of registries) rows.push(registryRow(deps, t, exact, lastName, reference, sep));
  } else {
    // A name with its registry in it: only that registry (with the saved sign-in when there is one).
    const t = registries.find((r) => r.host === ref.domain) ?? { host: ref.domain };
    rows.push(registryRow(deps, t, [ref.path], null, reference, sep));
  }
  return { image: formatReference(ref), sources: await Promise.all(rows) };
}
