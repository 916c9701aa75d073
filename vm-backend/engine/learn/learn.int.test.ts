// Against the real dockerd: a lesson's clean-up removes its named containers and what carries its
// label, and leaves everything else (another lesson's, a look-alike name, the user's own) alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LessonCleanup } from '../../api/contract.learn';
import type { EngineStatus } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { localConnectionFromEnv } from '../../connection/local';
import { until } from '../../testing/until';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { docker, uniqueName } from '../test-client';

let backend: Backend;
const ctrs: string[] = [];
const vols: string[] = [];

async function ok<T>(name: string, input: unknown): Promise<T> {
  const e = (await backend.invoke(name, input)) as Envelope<T>;
  if (!e.ok) throw new Error(`${name}: ${JSON.stringify(e.error)}`);
  return e.value;
}
const exists = async (kind: 'container' | 'volume', name: string): Promise<boolean> =>
  docker(kind, 'inspect', name).then(
    () => true,
    () => false,
  );
const create = async (name: string, ...labels: string[]): Promise<void> => {
  ctrs.push(name);
  await docker(
    'create',
    '--name',
    name,
    '--label',
    'wharf.test=1',
    ...labels.flatMap((l) => ['--label', l]),
    'wharf-fixture/busybox:1',
  );
};

beforeAll(async () => {
  backend = createBackend({ connection: localConnectionFromEnv() });
  await until(async () => ((await ok<EngineStatus>('engine:status', {})).state === 'ready' ? true : undefined));
});
afterAll(async () => {
  if (ctrs.length) await docker('rm', '-f', ...ctrs).catch(() => '');
  if (vols.length) await docker('volume', 'rm', '-f', ...vols).catch(() => '');
  await backend.close();
});

describe('learn:cleanup against the engine', () => {
  it('removes the lesson’s names and labelled things, nothing else', async () => {
    await create('learn-web');
    ctrs.push('learn-web-2');
    await docker('run', '-d', '--name', 'learn-web-2', '--label', 'wharf.test=1', 'wharf-fixture/httpd:1');
    const labelled = uniqueName('lesson-ran');
    await create(labelled, 'wharf.lesson=ports');
    const lookalike = `learn-web-${uniqueName('user')}`;
    await create(lookalike);
    const otherLesson = uniqueName('other-lesson');
    await create(otherLesson, 'wharf.lesson=image-container');
    const vol = uniqueName('lesson-vol');
    vols.push(vol);
    await docker('volume', 'create', '--label', 'wharf.test=1', '--label', 'wharf.lesson=ports', vol);

    const r = await ok<LessonCleanup>('learn:cleanup', { lesson: 'ports' });
    expect(r.failed).toEqual([]);
    expect(r.removed.sort()).toEqual(
      [`container ${labelled}`, 'container learn-web', 'container learn-web-2', `volume ${vol}`].sort(),
    );
    for (const gone of ['learn-web', 'learn-web-2', labelled]) expect(await exists('container', gone)).toBe(false);
    expect(await exists('volume', vol)).toBe(false);
    expect(await exists('container', lookalike)).toBe(true);
    expect(await exists('container', otherLesson)).toBe(true);

    // Nothing left of it: a second clean-up removes nothing and fails nowhere.
    expect(await ok<LessonCleanup>('learn:cleanup', { lesson: 'ports' })).toEqual({ removed: [], failed: [] });
  });

  it('refuses a lesson it does not know', async () => {
    const e = await backend.invoke('learn:cleanup', { lesson: '../../etc' });
    expect(e.ok).toBe(false);
  });
});
