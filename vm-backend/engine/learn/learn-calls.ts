// A lesson's clean-up: removes the containers, volumes and networks the lesson named (exact names,
// from api/rules/learn-names.ts) and whatever carries its label `wharf.lesson=<id>`; nothing else.
// Containers go first (force: a lesson's web server may still run), then what they used.
import type { LessonCleanup } from '../../api/contract.learn';
import { LESSON_LABEL, LESSON_NAMES, type LessonId } from '../../api/rules/learn-names';
import { readFailure } from '../errors';
import type { EngineSession } from '../session';

const isMissing = (e: unknown): boolean => (e as { statusCode?: number }).statusCode === 404;

export async function cleanupLesson(session: EngineSession, lesson: LessonId): Promise<LessonCleanup> {
  const docker = session.client();
  const names = LESSON_NAMES[lesson];
  const out: LessonCleanup = { removed: [], failed: [] };
  const label = `${LESSON_LABEL}=${lesson}`;
  const attempt = async (what: string, remove: () => Promise<unknown>): Promise<void> => {
    try {
      await remove();
      out.removed.push(what);
    } catch (e) {
      if (!isMissing(e)) out.failed.push({ name: what, detail: readFailure(e).message });
    }
  };

  const labelled = await docker.listContainers({ all: true, filters: { label: [label] } });
  const containers = new Set([...names.containers, ...labelled.map((c) => (c.Names[0] ?? c.Id).replace(/^\//, ''))]);
  for (const name of containers)
    await attempt(`container ${name}`, () => docker.getContainer(name).remove({ force: true }));

  const labelledVolumes = (await docker.listVolumes({ filters: { label: [label] } })).Volumes ?? [];
  for (const name of new Set([...names.volumes, ...labelledVolumes.map((v) => v.Name)]))
    await attempt(`volume ${name}`, () => docker.getVolume(name).remove());

  const labelledNetworks = await docker.listNetworks({ filters: { label: [label] } });
  for (const name of new Set([...names.networks, ...labelledNetworks.map((n) => n.Name)]))
    await attempt(`network ${name}`, () => docker.getNetwork(name).remove());
  return out;
}
