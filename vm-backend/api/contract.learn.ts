// The learn:* calls: the user's progress through the lessons (kept in learn-progress.json, Wharf's
// config folder) and a lesson's clean-up on the active engine.
import { z } from 'zod';
import { call } from './define';
import { LESSON_IDS } from './rules/learn-names';

export const lessonId = z.enum(LESSON_IDS);
const stepId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'not a step id');
/** An image reference the user picked for a lesson (the engine checks it when used). */
const imageChoice = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^\s\0]+$/, 'not an image reference');

export const lessonProgress = z.object({ done: z.array(stepId).max(64), image: imageChoice.optional() }).strict();

export const learnProgress = z
  .object({
    /** The first-run offer: shown until the user takes a lesson or skips; never again after. */
    firstRun: z.enum(['offer', 'skipped', 'taken']),
    lessons: z.partialRecord(lessonId, lessonProgress),
  })
  .strict();
export type LearnProgress = z.infer<typeof learnProgress>;
export type LessonProgress = z.infer<typeof lessonProgress>;

export interface LessonCleanup {
  /** What was removed, by name: "container learn-web", "volume learn-data". */
  removed: string[];
  /** What could not be removed, with the engine's words. */
  failed: { name: string; detail: string }[];
}

/** What learn:prepare-build wrote: the Build form's folder, file and tag. */
export interface LessonBuildFolder {
  /** The folder on this computer (absolute), under Wharf's data folder. */
  folder: string;
  dockerfile: string;
  tag: string;
  /** False when a Dockerfile the user changed was there: it is kept as it is, never overwritten. */
  written: boolean;
}

const empty = z.object({}).strict();
const prepareBuildInput = z.object({ image: imageChoice }).strict();
const saveInput = z.object({ progress: learnProgress }).strict();
const cleanupInput = z.object({ lesson: lessonId }).strict();

export const learnCalls = {
  'learn:progress': call<typeof empty, LearnProgress>(empty),
  'learn:save': call<typeof saveInput, LearnProgress>(saveInput),
  'learn:cleanup': call<typeof cleanupInput, LessonCleanup>(cleanupInput),
  'learn:prepare-build': call<typeof prepareBuildInput, LessonBuildFolder>(prepareBuildInput),
};
