// Lesson 9: inside a container. Its processes see only each other (namespaces) and it may use only
// what its limits allow (cgroups): run with --memory 64m, watch it in the Stats and Processes
// tabs. The list does not show a limit, so the check reads the container's one inspect
// (HostConfig.Memory).
import { LESSON_NAMES } from '../../../vm-backend/api/rules/learn-names';
import { emptyForm } from '../../../vm-backend/api/rules/run-form';
import { emptyLimits } from '../../../vm-backend/api/rules/stats-limits';
import { MIB } from './inspect-facts';
import type { Hint, LearnState, Lesson } from './lesson-model';
import { containerNamed } from './state-queries';

const [NAME] = LESSON_NAMES.inside.containers as readonly [string];
const LIMIT_MIB = 64;

const limitOf = (s: LearnState): number | undefined => {
  const c = containerNamed(s.containers, NAME);
  return c?.state === 'running' ? s.inspected?.[c.id]?.memory : undefined;
};
const limited = (s: LearnState): boolean => limitOf(s) === LIMIT_MIB * MIB;

function limitHint(s: LearnState): Hint | null {
  const c = containerNamed(s.containers, NAME);
  if (c && c.state !== 'running') return { key: 'notRunning', params: { name: NAME } };
  const have = limitOf(s);
  if (have === undefined || have === LIMIT_MIB * MIB) return null;
  if (have === 0) return { key: 'noMemoryLimit', params: { name: NAME, want: LIMIT_MIB } };
  return { key: 'otherMemoryLimit', params: { name: NAME, want: LIMIT_MIB, have: Math.round((have / MIB) * 10) / 10 } };
}

export const insideLesson: Lesson = {
  id: 'inside',
  image: 'busybox',
  web: false,
  inspects: [NAME],
  steps: [
    {
      id: 'run-limited',
      terms: ['container', 'cgroup'],
      cli: (ctx) => `docker container run -d --memory ${LIMIT_MIB}m --name ${NAME} ${ctx.image} sleep 3600`,
      action: (ctx) => ({
        kind: 'run',
        forms: [
          {
            ...emptyForm(ctx.image),
            name: NAME,
            command: 'sleep 3600',
            limits: { ...emptyLimits(), memory: `${LIMIT_MIB}m` },
          },
        ],
      }),
      check: limited,
      hint: limitHint,
    },
    {
      id: 'processes',
      terms: ['namespace'],
      cli: () => `docker container top ${NAME}\ndocker container exec ${NAME} ps`,
      action: () => ({ kind: 'view', view: 'containers' }),
      // A step to look, not to change: done while the limited container still runs.
      check: limited,
      hint: limitHint,
    },
    {
      id: 'stats',
      terms: ['cgroup'],
      cli: () => `docker container stats --no-stream ${NAME}`,
      action: () => ({ kind: 'view', view: 'containers' }),
      check: limited,
      hint: limitHint,
    },
    {
      id: 'cleanup',
      terms: ['container'],
      cli: () => `docker container rm -f ${NAME}`,
      action: () => ({ kind: 'cleanup' }),
      check: (s) => !containerNamed(s.containers, NAME),
    },
  ],
};
