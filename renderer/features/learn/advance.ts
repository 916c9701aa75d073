// Where a lesson stands: the steps done stay done (saved), the first one not done is the active
// one, and it is done as soon as its check holds; the next may already hold too (an image pulled
// before the lesson), so the walk goes on until a check does not.
import type { Hint, LearnState, Lesson, LessonContext } from './lesson-model';

export type StepState = 'done' | 'active' | 'waiting';

export interface StepStatus {
  id: string;
  state: StepState;
  /** For the active step: why the state is close to the step but not it. */
  hint: Hint | null;
}

export interface Standing {
  done: string[];
  steps: StepStatus[];
  finished: boolean;
}

export function advance(lesson: Lesson, done: readonly string[], state: LearnState, ctx: LessonContext): Standing {
  const have = new Set(done.filter((d) => lesson.steps.some((s) => s.id === d)));
  let active: string | null = null;
  for (const step of lesson.steps) {
    if (have.has(step.id)) continue;
    if (step.check(state, ctx)) {
      have.add(step.id);
      continue;
    }
    active = step.id;
    break;
  }
  const steps = lesson.steps.map((step): StepStatus => {
    if (have.has(step.id)) return { id: step.id, state: 'done', hint: null };
    if (step.id === active) return { id: step.id, state: 'active', hint: step.hint?.(state, ctx) ?? null };
    return { id: step.id, state: 'waiting', hint: null };
  });
  return { done: lesson.steps.filter((s) => have.has(s.id)).map((s) => s.id), steps, finished: active === null };
}
