// Lesson 6: a compose file describes several containers; `up -d` makes and starts them all,
// `down` stops and removes them (and the project's network) in one go.
import { LESSON_NAMES } from '../../../vm-backend/api/rules/learn-names';
import type { LearnState, Lesson, LessonContext } from './lesson-model';
import { containerNamed } from './state-queries';

export const PROJECT = 'learn-compose';
const [WEB, DB] = LESSON_NAMES.compose.containers as readonly [string, string];

/** The two-service file, with the lesson's image; a shell here-document the user can paste. */
export function composeFile(ctx: LessonContext): string {
  return [
    'services:',
    '  web:',
    `    image: ${ctx.image}`,
    `    container_name: ${WEB}`,
    '    command: sleep 3600',
    '  db:',
    `    image: ${ctx.image}`,
    `    container_name: ${DB}`,
    '    command: sleep 3600',
  ].join('\n');
}

const ofProject = (s: LearnState) => s.containers.filter((c) => c.project === PROJECT);

export const composeLesson: Lesson = {
  id: 'compose',
  image: 'busybox',
  web: false,
  steps: [
    {
      id: 'up',
      terms: ['container', 'image'],
      cli: (ctx) =>
        `mkdir learn-compose && cd learn-compose\ncat > docker-compose.yml <<'EOF'\n${composeFile(ctx)}\nEOF\ndocker-compose -p ${PROJECT} up -d`,
      action: () => ({ kind: 'view', view: 'projects' }),
      check: (s) =>
        [WEB, DB].every(
          (n) =>
            containerNamed(s.containers, n)?.project === PROJECT &&
            containerNamed(s.containers, n)?.state === 'running',
        ),
      hint: (s) => {
        const alone = [WEB, DB].find(
          (n) => containerNamed(s.containers, n) && containerNamed(s.containers, n)?.project !== PROJECT,
        );
        return alone ? { key: 'notInProject', params: { name: alone, project: PROJECT } } : null;
      },
    },
    {
      id: 'down',
      terms: ['container'],
      cli: () => `docker-compose -p ${PROJECT} down`,
      action: () => ({ kind: 'view', view: 'projects' }),
      check: (s) => ofProject(s).length === 0 && [WEB, DB].every((n) => !containerNamed(s.containers, n)),
      hint: (s) => {
        const c = ofProject(s);
        return c.length && c.every((x) => x.state !== 'running')
          ? { key: 'stoppedNotDown', params: { project: PROJECT } }
          : null;
      },
    },
  ],
};
