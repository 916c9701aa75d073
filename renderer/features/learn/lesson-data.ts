// Lesson 3: a file written in a container goes with it; a volume keeps it; docker cp copies a
// file in and out of a container.
import { LESSON_NAMES } from '../../../vm-backend/api/rules/learn-names';
import { emptyForm } from '../../../vm-backend/api/rules/run-form';
import type { LearnState, Lesson, LessonContext } from './lesson-model';
import { containerNamed } from './state-queries';

const [C1, C2, C3] = LESSON_NAMES.data.containers as readonly [string, string, string];
const [VOL] = LESSON_NAMES.data.volumes as readonly [string];
const MOUNT = '/data';
const WRITE = 'echo hello > /note.txt';
const WRITE_KEPT = `echo kept > ${MOUNT}/note.txt`;

const volume = (s: LearnState) => s.volumes.find((v) => v.name === VOL);
const usesVolume = (s: LearnState, name: string): boolean => volume(s)?.users.some((u) => u.name === name) ?? false;
const withVolume = (ctx: LessonContext, name: string, command: string, detached: boolean) => ({
  ...emptyForm(ctx.image),
  name,
  command,
  detached,
  volumes: [{ kind: 'volume' as const, source: VOL, target: MOUNT, readOnly: false }],
});
const noVolumeHint = (s: LearnState, name: string) =>
  containerNamed(s.containers, name) && !usesVolume(s, name)
    ? { key: 'noVolume', params: { name, volume: VOL, path: MOUNT } }
    : null;

export const dataLesson: Lesson = {
  id: 'data',
  image: 'busybox',
  web: false,
  needs: ['volumes'],
  steps: [
    {
      id: 'write',
      terms: ['container'],
      cli: (ctx) => `docker container run --name ${C1} ${ctx.image} sh -c "${WRITE}"`,
      action: (ctx) => ({ kind: 'run', forms: [{ ...emptyForm(ctx.image), name: C1, command: `sh -c "${WRITE}"` }] }),
      check: (s) => containerNamed(s.containers, C1)?.state === 'exited',
      hint: (s) =>
        containerNamed(s.containers, C1)?.state === 'running' ? { key: 'stillRunning', params: { name: C1 } } : null,
    },
    {
      id: 'gone',
      terms: ['container'],
      cli: () => `docker container rm ${C1}`,
      action: () => ({ kind: 'remove-containers', names: [C1] }),
      check: (s) => !containerNamed(s.containers, C1),
    },
    {
      id: 'volume',
      terms: ['volume'],
      cli: () => `docker volume create ${VOL}`,
      action: () => ({ kind: 'create-volume', name: VOL }),
      check: (s) => volume(s) !== undefined,
    },
    {
      id: 'write-volume',
      terms: ['volume', 'container'],
      cli: (ctx) => `docker container run --name ${C2} -v ${VOL}:${MOUNT} ${ctx.image} sh -c "${WRITE_KEPT}"`,
      action: (ctx) => ({ kind: 'run', forms: [withVolume(ctx, C2, `sh -c "${WRITE_KEPT}"`, false)] }),
      check: (s) => usesVolume(s, C2),
      hint: (s) => noVolumeHint(s, C2),
    },
    {
      id: 'remove-again',
      terms: ['container', 'volume'],
      cli: () => `docker container rm ${C2}`,
      action: () => ({ kind: 'remove-containers', names: [C2] }),
      check: (s) => !containerNamed(s.containers, C2) && volume(s) !== undefined,
      hint: (s) => (volume(s) ? null : { key: 'volumeGone', params: { volume: VOL } }),
    },
    {
      id: 'read',
      terms: ['volume', 'container'],
      cli: (ctx) =>
        `docker container run -d --name ${C3} -v ${VOL}:${MOUNT} ${ctx.image} sleep 3600\ndocker container cp ${C3}:${MOUNT}/note.txt ./note.txt`,
      action: (ctx) => ({ kind: 'run', forms: [withVolume(ctx, C3, 'sleep 3600', true)] }),
      check: (s) => containerNamed(s.containers, C3)?.state === 'running' && usesVolume(s, C3),
      hint: (s) => noVolumeHint(s, C3),
    },
    {
      id: 'cleanup',
      terms: ['volume'],
      cli: () => `docker container rm -f ${C3}\ndocker volume rm ${VOL}`,
      action: () => ({ kind: 'cleanup' }),
      check: (s) => [C1, C2, C3].every((n) => !containerNamed(s.containers, n)) && volume(s) === undefined,
    },
  ],
};
