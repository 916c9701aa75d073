// Lesson 2: a web server in the background (-d), reached through a published port (-p 5000:80);
// two more from the same image on 5001 and 5002 (one image, many containers); stop; clean up.
import { LESSON_NAMES } from '../../../vm-backend/api/rules/learn-names';
import { emptyForm, portRow } from '../../../vm-backend/api/rules/run-form';
import type { Hint, LearnState, Lesson, LessonContext } from './lesson-model';
import { containerNamed, fromImage, publishedPorts, publishes } from './state-queries';

const NAMES = LESSON_NAMES.ports.containers as readonly [string, string, string];
const HOST_PORTS = [5000, 5001, 5002] as const;
const pairs = NAMES.map((name, i) => ({ name, hostPort: HOST_PORTS[i] as number }));

const runCli = (ctx: LessonContext, name: string, hostPort: number): string =>
  `docker container run -d -p ${hostPort}:${ctx.port} --name ${name} ${ctx.image}`;

const runForm = (ctx: LessonContext, name: string, hostPort: number) => ({
  ...emptyForm(ctx.image),
  name,
  ports: [portRow(String(ctx.port), String(hostPort))],
});

const serving = (s: LearnState, name: string, hostPort: number): boolean => {
  const c = containerNamed(s.containers, name);
  return c?.state === 'running' && publishes(c, hostPort);
};

/** Why `name` is not yet serving on hostPort, when it exists: the close-but-different cases. */
function servingHint(s: LearnState, ctx: LessonContext, name: string, hostPort: number): Hint | null {
  const c = containerNamed(s.containers, name);
  if (!c) {
    const other = s.containers.find((o) => fromImage(o, ctx.image) && publishes(o, hostPort) && o.name !== name);
    return other ? { key: 'otherName', params: { name: other.name, want: name } } : null;
  }
  if (c.state !== 'running') return { key: 'notRunning', params: { name } };
  const ports = publishedPorts(c);
  if (ports.length === 0) return { key: 'noPort', params: { name, port: hostPort } };
  return { key: 'otherPort', params: { name, port: hostPort, have: ports.join(', ') } };
}

export const portsLesson: Lesson = {
  id: 'ports',
  image: 'nginx',
  web: true,
  steps: [
    {
      id: 'run-web',
      terms: ['container', 'port', 'detached'],
      cli: (ctx) => runCli(ctx, NAMES[0], HOST_PORTS[0]),
      action: (ctx) => ({ kind: 'run', forms: [runForm(ctx, NAMES[0], HOST_PORTS[0])] }),
      check: (s) => serving(s, NAMES[0], HOST_PORTS[0]),
      hint: (s, ctx) => servingHint(s, ctx, NAMES[0], HOST_PORTS[0]),
    },
    {
      id: 'more',
      terms: ['image', 'container', 'port'],
      cli: (ctx) => `${runCli(ctx, NAMES[1], HOST_PORTS[1])}\n${runCli(ctx, NAMES[2], HOST_PORTS[2])}`,
      action: (ctx, s) => ({
        kind: 'run',
        forms: pairs
          .slice(1)
          .flatMap((p) => (serving(s, p.name, p.hostPort) ? [] : [runForm(ctx, p.name, p.hostPort)])),
      }),
      check: (s) => pairs.slice(1).every((p) => serving(s, p.name, p.hostPort)),
      hint: (s, ctx) => {
        for (const p of pairs.slice(1)) {
          if (serving(s, p.name, p.hostPort)) continue;
          const h = servingHint(s, ctx, p.name, p.hostPort);
          if (h) return h;
        }
        return null;
      },
    },
    {
      id: 'stop',
      terms: ['container'],
      cli: () => `docker container stop ${NAMES.join(' ')}`,
      action: () => ({ kind: 'stop-containers', names: [...NAMES] }),
      check: (s) => NAMES.every((n) => containerNamed(s.containers, n)?.state === 'exited'),
      hint: (s) => {
        const running = NAMES.filter((n) => containerNamed(s.containers, n)?.state === 'running');
        const gone = NAMES.filter((n) => !containerNamed(s.containers, n));
        if (gone.length) return { key: 'removedTooSoon', params: { names: gone.join(', ') } };
        return running.length ? { key: 'stillRunningMany', params: { names: running.join(', ') } } : null;
      },
    },
    {
      id: 'cleanup',
      terms: ['container'],
      cli: () => `docker container rm ${NAMES.join(' ')}`,
      action: () => ({ kind: 'cleanup' }),
      check: (s) => NAMES.every((n) => !containerNamed(s.containers, n)),
    },
  ],
};
