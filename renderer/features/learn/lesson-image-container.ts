// Lesson 1: an image is the packed bytes, a container one run of it. Pull, run, see it exit,
// list it, remove the container, then the image.
import { LESSON_NAMES } from '../../../vm-backend/api/rules/learn-names';
import { emptyForm } from '../../../vm-backend/api/rules/run-form';
import type { Hint, LearnState, Lesson, LessonContext } from './lesson-model';
import { containerNamed, fromImage, hasImage, otherTagOf } from './state-queries';

const [NAME] = LESSON_NAMES['image-container'].containers as [string];

/** A container from the lesson's image under another name: close, but the steps follow NAME. */
function otherName(s: LearnState, ctx: LessonContext): Hint | null {
  const other = s.containers.find((c) => fromImage(c, ctx.image) && c.name !== NAME);
  return other ? { key: 'otherName', params: { name: other.name, want: NAME } } : null;
}

export const imageContainerLesson: Lesson = {
  id: 'image-container',
  image: 'hello-world',
  web: false,
  steps: [
    {
      id: 'pull',
      terms: ['image', 'registry', 'tag'],
      cli: (ctx) => `docker image pull ${ctx.image}`,
      action: () => ({ kind: 'view', view: 'images' }),
      check: (s, ctx) => hasImage(s.images, ctx.image),
      hint: (s, ctx) => {
        const other = otherTagOf(s.images, ctx.image);
        return other ? { key: 'otherTag', params: { have: other, want: ctx.image } } : null;
      },
    },
    {
      id: 'run',
      terms: ['container', 'image'],
      cli: (ctx) => `docker container run --name ${NAME} ${ctx.image}`,
      action: (ctx) => ({ kind: 'run', forms: [{ ...emptyForm(ctx.image), name: NAME }] }),
      check: (s) => containerNamed(s.containers, NAME) !== undefined,
      hint: otherName,
    },
    {
      id: 'exited',
      terms: ['container'],
      cli: () => 'docker container ls --all',
      action: () => ({ kind: 'view', view: 'containers' }),
      check: (s) => containerNamed(s.containers, NAME)?.state === 'exited',
      hint: (s) =>
        containerNamed(s.containers, NAME)?.state === 'running'
          ? { key: 'stillRunning', params: { name: NAME } }
          : null,
    },
    {
      id: 'remove-container',
      terms: ['container'],
      cli: () => `docker container rm ${NAME}`,
      action: () => ({ kind: 'remove-containers', names: [NAME] }),
      check: (s) => containerNamed(s.containers, NAME) === undefined,
    },
    {
      id: 'remove-image',
      terms: ['image'],
      cli: (ctx) => `docker image rm ${ctx.image}`,
      action: (ctx) => ({ kind: 'remove-image', image: ctx.image }),
      check: (s, ctx) => !hasImage(s.images, ctx.image),
      hint: (s, ctx) => {
        const user = s.containers.find((c) => fromImage(c, ctx.image));
        return user ? { key: 'imageInUse', params: { name: user.name } } : null;
      },
    },
  ],
};
