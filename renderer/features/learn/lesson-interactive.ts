// Lesson 8: interactive. `run -it` gives a shell a terminal (-t) and keeps its input open (-i):
// type in it, exit, and the container stops with its shell. The list does not say -it, so the
// check reads the container's one inspect (Config.Tty and Config.OpenStdin).
import { LESSON_NAMES } from '../../../vm-backend/api/rules/learn-names';
import { emptyForm } from '../../../vm-backend/api/rules/run-form';
import type { LearnState, Lesson } from './lesson-model';
import { containerNamed } from './state-queries';

const [SHELL] = LESSON_NAMES.interactive.containers as readonly [string];

const facts = (s: LearnState) => {
  const c = containerNamed(s.containers, SHELL);
  return c ? s.inspected?.[c.id] : undefined;
};
const interactive = (s: LearnState): boolean => {
  const f = facts(s);
  return f?.tty === true && f.openStdin;
};

export const interactiveLesson: Lesson = {
  id: 'interactive',
  image: 'busybox',
  web: false,
  inspects: [SHELL],
  steps: [
    {
      id: 'run-it',
      terms: ['container', 'interactive'],
      cli: (ctx) => `docker container run -it --name ${SHELL} ${ctx.image} sh`,
      action: (ctx) => ({
        kind: 'run',
        // Attached, as the command says (docker run -it, no -d): Wharf's terminal is the user's.
        forms: [{ ...emptyForm(ctx.image), name: SHELL, command: 'sh', interactive: true, detached: false }],
      }),
      check: (s) => interactive(s),
      hint: (s) => {
        const f = facts(s);
        return f && !(f.tty && f.openStdin) ? { key: 'notInteractive', params: { name: SHELL } } : null;
      },
    },
    {
      id: 'exit',
      terms: ['container'],
      cli: () => 'echo hello from inside\nexit',
      check: (s) => containerNamed(s.containers, SHELL)?.state === 'exited',
    },
    {
      id: 'cleanup',
      terms: ['container'],
      cli: () => `docker container rm ${SHELL}`,
      action: () => ({ kind: 'cleanup' }),
      check: (s) => !containerNamed(s.containers, SHELL),
    },
  ],
};
