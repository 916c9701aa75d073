// Lesson 5: containers on the default bridge get 172.17.x.x addresses; on a network of your own
// they also find each other by name (the engine's DNS), which the default bridge does not offer.
import { LESSON_NAMES } from '../../../vm-backend/api/rules/learn-names';
import { emptyForm } from '../../../vm-backend/api/rules/run-form';
import type { LearnState, Lesson, LessonContext } from './lesson-model';
import { containerNamed } from './state-queries';

const [A, B, C, D] = LESSON_NAMES.networks.containers as readonly [string, string, string, string];
const [NET] = LESSON_NAMES.networks.networks as readonly [string];
const SLEEP = 'sleep 3600';

const network = (s: LearnState, name: string) => s.networks.find((n) => n.name === name);
const on = (s: LearnState, net: string, name: string): boolean =>
  network(s, net)?.containers.some((c) => c.name === name) ?? false;
const runCli = (ctx: LessonContext, name: string, net?: string): string =>
  `docker container run -d --name ${name}${net ? ` --network ${net}` : ''} ${ctx.image} ${SLEEP}`;
const form = (ctx: LessonContext, name: string, net = '') => ({
  ...emptyForm(ctx.image),
  name,
  command: SLEEP,
  network: net,
});
const notOn = (s: LearnState, net: string, names: string[]) => {
  const wrong = names.find((n) => containerNamed(s.containers, n) && !on(s, net, n));
  return wrong ? { key: 'notOnNetwork', params: { name: wrong, network: net } } : null;
};

export const networksLesson: Lesson = {
  id: 'networks',
  image: 'busybox',
  web: false,
  needs: ['networks'],
  steps: [
    {
      id: 'bridge',
      terms: ['bridge', 'container'],
      cli: (ctx) => `${runCli(ctx, A)}\n${runCli(ctx, B)}\ndocker network inspect bridge`,
      action: (ctx, s) => ({ kind: 'run', forms: [A, B].filter((n) => !on(s, 'bridge', n)).map((n) => form(ctx, n)) }),
      check: (s) => [A, B].every((n) => on(s, 'bridge', n)),
      hint: (s) => notOn(s, 'bridge', [A, B]),
    },
    {
      id: 'create',
      terms: ['bridge'],
      cli: () => `docker network create ${NET}`,
      action: () => ({ kind: 'view', view: 'networks' }),
      check: (s) => network(s, NET) !== undefined,
    },
    {
      id: 'by-name',
      terms: ['container', 'bridge'],
      cli: (ctx) => `${runCli(ctx, C, NET)}\n${runCli(ctx, D, NET)}\ndocker container exec ${C} ping -c 1 ${D}`,
      action: (ctx, s) => ({ kind: 'run', forms: [C, D].filter((n) => !on(s, NET, n)).map((n) => form(ctx, n, NET)) }),
      check: (s) => [C, D].every((n) => on(s, NET, n)),
      hint: (s) => notOn(s, NET, [C, D]),
    },
    {
      id: 'cleanup',
      terms: ['bridge'],
      cli: () => `docker container rm -f ${[A, B, C, D].join(' ')}\ndocker network rm ${NET}`,
      action: () => ({ kind: 'cleanup' }),
      check: (s) => [A, B, C, D].every((n) => !containerNamed(s.containers, n)) && network(s, NET) === undefined,
    },
  ],
};
