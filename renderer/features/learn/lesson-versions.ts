// Lesson 7: two versions side by side. Two tags of one repository (redis and redis:4.0 in the
// notes) run at once, each on its own host port (6000 and 6001): the engine keeps them apart.
import { LESSON_NAMES } from '../../../vm-backend/api/rules/learn-names';
import { emptyForm, portRow } from '../../../vm-backend/api/rules/run-form';
import type { Hint, LearnState, Lesson, LessonContext } from './lesson-model';
import { otherTag } from './lesson-tags';
import { containerNamed, fromImage, normalRef, publishedPorts, publishes } from './state-queries';

const [NEW, OLD] = LESSON_NAMES.versions.containers as readonly [string, string];
const NEW_PORT = 6000;
const OLD_PORT = 6001;

/** The two the lesson runs: the other tag of the repository on 6000, the lesson's own tag on 6001. */
const wanted = (ctx: LessonContext) => [
  { name: NEW, image: otherTag(ctx), hostPort: NEW_PORT },
  { name: OLD, image: normalRef(ctx.image), hostPort: OLD_PORT },
];
type Want = ReturnType<typeof wanted>[number];

const runCli = (ctx: LessonContext, w: Want): string =>
  `docker container run -d -p ${w.hostPort}:${ctx.port} --name ${w.name} ${w.image}`;
const runForm = (ctx: LessonContext, w: Want) => ({
  ...emptyForm(w.image),
  name: w.name,
  ports: [portRow(String(ctx.port), String(w.hostPort))],
});

const serving = (s: LearnState, w: Want): boolean => {
  const c = containerNamed(s.containers, w.name);
  return c?.state === 'running' && fromImage(c, w.image) && publishes(c, w.hostPort);
};

/** Why `w` is not serving yet, when its container exists: another image, stopped, another port. */
function servingHint(s: LearnState, w: Want): Hint | null {
  const c = containerNamed(s.containers, w.name);
  if (!c) return null;
  if (!fromImage(c, w.image)) return { key: 'otherImage', params: { name: w.name, have: c.image, want: w.image } };
  if (c.state !== 'running') return { key: 'notRunning', params: { name: w.name } };
  const ports = publishedPorts(c);
  if (ports.length === 0) return { key: 'noPort', params: { name: w.name, port: w.hostPort } };
  return ports.includes(w.hostPort)
    ? null
    : { key: 'otherPort', params: { name: w.name, port: w.hostPort, have: ports.join(', ') } };
}

const stepFor = (i: 0 | 1, id: string, terms: readonly string[]) => ({
  id,
  terms,
  cli: (ctx: LessonContext) => runCli(ctx, wanted(ctx)[i] as Want),
  action: (ctx: LessonContext) => ({ kind: 'run' as const, forms: [runForm(ctx, wanted(ctx)[i] as Want)] }),
  check: (s: LearnState, ctx: LessonContext) => serving(s, wanted(ctx)[i] as Want),
  hint: (s: LearnState, ctx: LessonContext) => servingHint(s, wanted(ctx)[i] as Want),
});

export const versionsLesson: Lesson = {
  id: 'versions',
  image: 'redis:4.0',
  // Not a web page, but the image's exposed port (redis: 6379) is what -p publishes.
  web: true,
  steps: [
    stepFor(0, 'run-new', ['tag', 'container', 'port']),
    stepFor(1, 'run-old', ['tag', 'port']),
    {
      id: 'side-by-side',
      terms: ['image', 'container'],
      cli: () => `docker container ls --filter name=learn-ver-`,
      action: () => ({ kind: 'view', view: 'containers' }),
      // Both at once: the second did not replace the first.
      check: (s, ctx) => wanted(ctx).every((w) => serving(s, w)),
      hint: (s, ctx) => {
        const missing = wanted(ctx).find((w) => !serving(s, w));
        return missing ? servingHint(s, missing) : null;
      },
    },
    {
      id: 'cleanup',
      terms: ['container'],
      cli: () => `docker container rm -f ${NEW} ${OLD}`,
      action: () => ({ kind: 'cleanup' }),
      check: (s) => !containerNamed(s.containers, NEW) && !containerNamed(s.containers, OLD),
    },
  ],
};
