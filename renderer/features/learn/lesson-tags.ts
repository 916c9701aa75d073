// Lesson 4: a registry keeps repositories, a repository keeps tags (versions). Pull two tags of
// one repository, give the image a tag of your own (a second name for the same bytes), remove all.
import { LESSON_OWN_TAG } from '../../../vm-backend/api/rules/learn-names';
import type { LearnState, Lesson, LessonContext } from './lesson-model';
import { fromImage, hasImage, normalRef } from './state-queries';

/** The repository of a reference: everything before the tag. */
export const repositoryOf = (ref: string): string => {
  const r = normalRef(ref);
  return r.slice(0, r.lastIndexOf(':'));
};
/** The other tag the lesson pulls: latest, or 1 when the lesson's image is already latest. */
export const otherTag = (ctx: LessonContext): string =>
  normalRef(ctx.image).endsWith(':latest') ? `${repositoryOf(ctx.image)}:1` : `${repositoryOf(ctx.image)}:latest`;
const imageId = (s: LearnState, ref: string): string | undefined =>
  s.images.find((i) => i.repoTags.includes(normalRef(ref)))?.id;
const allOf = (ctx: LessonContext): string[] => [LESSON_OWN_TAG, otherTag(ctx), normalRef(ctx.image)];

export const tagsLesson: Lesson = {
  id: 'tags',
  image: 'redis:4.0',
  web: false,
  steps: [
    {
      id: 'pull-one',
      terms: ['registry', 'repository', 'tag'],
      cli: (ctx) => `docker image pull ${ctx.image}`,
      action: () => ({ kind: 'view', view: 'images' }),
      check: (s, ctx) => hasImage(s.images, ctx.image),
    },
    {
      id: 'pull-two',
      terms: ['repository', 'tag'],
      cli: (ctx) => `docker image pull ${otherTag(ctx)}\ndocker image ls ${repositoryOf(ctx.image)}`,
      action: () => ({ kind: 'view', view: 'images' }),
      check: (s, ctx) => hasImage(s.images, otherTag(ctx)),
    },
    {
      id: 'own-tag',
      terms: ['tag', 'image'],
      cli: (ctx) => `docker image tag ${ctx.image} ${LESSON_OWN_TAG}`,
      check: (s, ctx) => {
        const id = imageId(s, LESSON_OWN_TAG);
        return id !== undefined && id === imageId(s, ctx.image);
      },
      hint: (s, ctx) =>
        hasImage(s.images, LESSON_OWN_TAG) && imageId(s, LESSON_OWN_TAG) !== imageId(s, ctx.image)
          ? { key: 'tagElsewhere', params: { tag: LESSON_OWN_TAG, image: ctx.image } }
          : null,
    },
    {
      id: 'remove-all',
      terms: ['tag', 'image'],
      cli: (ctx) => `docker image rm ${allOf(ctx).join(' ')}`,
      action: (ctx, s) => ({ kind: 'remove-images', images: allOf(ctx).filter((r) => hasImage(s.images, r)) }),
      check: (s, ctx) => allOf(ctx).every((r) => !hasImage(s.images, r)),
      hint: (s, ctx) => {
        const user = s.containers.find((c) => allOf(ctx).some((r) => fromImage(c, r)));
        return user ? { key: 'imageInUse', params: { name: user.name } } : null;
      },
    },
  ],
};
