// Lesson 10: build an image of one's own. Wharf offers a Dockerfile (each line explained in the
// step's text), the user builds it (Build view or docker build) with the lesson's tag and runs it
// with -p 3000:3000. The checks read the images list (the tag) and the containers list (a
// container from that image publishing 3000).
import {
  LESSON_BUILD_FOLDER,
  LESSON_BUILD_PORT,
  lessonDockerfile,
} from '../../../vm-backend/api/rules/learn-dockerfile';
import { LESSON_BUILD_TAG, LESSON_NAMES } from '../../../vm-backend/api/rules/learn-names';
import { emptyForm, portRow } from '../../../vm-backend/api/rules/run-form';
import type { Hint, LearnState, Lesson } from './lesson-model';
import { containerNamed, fromImage, hasImage, publishedPorts, publishes } from './state-queries';

const [WEB] = LESSON_NAMES.build.containers as readonly [string];
const PORT = LESSON_BUILD_PORT;

const running = (s: LearnState) =>
  s.containers.find((c) => fromImage(c, LESSON_BUILD_TAG) && c.state === 'running' && publishes(c, PORT));

function runHint(s: LearnState): Hint | null {
  const c = containerNamed(s.containers, WEB) ?? s.containers.find((o) => fromImage(o, LESSON_BUILD_TAG));
  if (!c) return null;
  if (!fromImage(c, LESSON_BUILD_TAG))
    return { key: 'otherImage', params: { name: c.name, have: c.image, want: LESSON_BUILD_TAG } };
  if (c.state !== 'running') return { key: 'notRunning', params: { name: c.name } };
  const ports = publishedPorts(c);
  if (ports.length === 0) return { key: 'noPort', params: { name: c.name, port: PORT } };
  return { key: 'otherPort', params: { name: c.name, port: PORT, have: ports.join(', ') } };
}

export const buildLesson: Lesson = {
  id: 'build',
  image: 'busybox',
  web: false,
  steps: [
    {
      id: 'build',
      terms: ['image', 'tag'],
      cli: (ctx) =>
        `mkdir ${LESSON_BUILD_FOLDER} && cd ${LESSON_BUILD_FOLDER}\ncat > Dockerfile <<'EOF'\n${lessonDockerfile(ctx)}\nEOF\ndocker image build -t ${LESSON_BUILD_TAG} .`,
      action: (ctx) => ({ kind: 'build', image: ctx.image }),
      check: (s) => hasImage(s.images, LESSON_BUILD_TAG),
    },
    {
      id: 'run',
      terms: ['container', 'port'],
      cli: () => `docker container run -d -p ${PORT}:${PORT} --name ${WEB} ${LESSON_BUILD_TAG}`,
      action: () => ({
        kind: 'run',
        forms: [{ ...emptyForm(LESSON_BUILD_TAG), name: WEB, ports: [portRow(String(PORT), String(PORT))] }],
      }),
      check: (s) => running(s) !== undefined,
      hint: (s) => (running(s) ? null : runHint(s)),
    },
    {
      id: 'cleanup',
      terms: ['container'],
      cli: () => `docker container rm -f ${WEB}`,
      action: () => ({ kind: 'cleanup' }),
      check: (s) => !containerNamed(s.containers, WEB),
    },
    {
      id: 'remove-image',
      terms: ['image', 'tag'],
      cli: () => `docker image rm ${LESSON_BUILD_TAG}`,
      action: () => ({ kind: 'remove-images', images: [LESSON_BUILD_TAG] }),
      check: (s) => !hasImage(s.images, LESSON_BUILD_TAG),
      hint: (s) => {
        const user = s.containers.find((c) => fromImage(c, LESSON_BUILD_TAG));
        return user ? { key: 'imageInUse', params: { name: user.name } } : null;
      },
    },
  ],
};
