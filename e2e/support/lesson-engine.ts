// What the Learn e2e specs share: the engine's names before and after a lesson, bystanders that look
// like a lesson's (a clean-up by prefix would take them), and what a test leaves behind when it fails
// half-way, removed after each test.
import { expect } from '@playwright/test';
import { docker, removeContainers, uniqueName } from './docker';

/** Containers, volumes and image names a test made, removed after it whatever happened. */
export const leftovers = { containers: [] as string[], volumes: [] as string[], images: [] as string[] };

/** For test.afterEach: the bystanders, and the lesson's own names when a test failed half-way. */
export async function removeLeftovers(): Promise<void> {
  for (const ref of leftovers.images.splice(0)) await docker('rmi', ref).catch(() => undefined);
  await removeContainers(...leftovers.containers.splice(0));
  await docker('network', 'rm', 'learn-net').catch(() => undefined);
  const v = leftovers.volumes.splice(0);
  if (v.length) await docker('volume', 'rm', '-f', ...v).catch(() => undefined);
}

/** Every container, image and volume on the engine, by name. */
export async function engineNames(): Promise<Set<string>> {
  const lists = await Promise.all([
    docker('ps', '-a', '--format', 'container {{.Names}}'),
    docker('images', '--format', 'image {{.Repository}}:{{.Tag}}'),
    docker('volume', 'ls', '--format', 'volume {{.Name}}'),
  ]);
  return new Set(lists.flatMap((l) => l.split('\n').filter(Boolean)));
}

/**
 * Things of the user's that look like the lesson's (a container learn-web-<x>, a volume
 * learn-<x>): a clean-up that went by prefix instead of exact names would take them.
 */
export async function makeBystanders(): Promise<string[]> {
  const container = `learn-web-${uniqueName('mine')}`;
  const volume = `learn-${uniqueName('mine')}`;
  leftovers.containers.push(container);
  leftovers.volumes.push(volume);
  await docker('create', '--name', container, '--label', 'wharf.test=1', 'wharf-fixture/busybox:1');
  await docker('volume', 'create', '--label', 'wharf.test=1', volume);
  return [`container ${container}`, `volume ${volume}`, 'image wharf-fixture/busybox:1', 'image wharf-fixture/httpd:1'];
}

/**
 * The engine is as it was: what was there (the bystanders, the fixture images) is still there, and
 * nothing of the lesson's is left. Other test runs share this engine, so the rest is not compared.
 */
export async function expectAsItWas(kept: string[], lessonImage?: string): Promise<void> {
  const after = await engineNames();
  expect(
    kept.filter((k) => !after.has(k)),
    'removed by the lesson',
  ).toEqual([]);
  const left = [...after].filter(
    (x) =>
      !kept.includes(x) &&
      (/^container (e2e-)?learn-/.test(x) || x === 'volume learn-data' || x === `image ${lessonImage}`),
  );
  expect(left, 'left by the lesson').toEqual([]);
}
