// What the Learn view's buttons do: start, pick an image, start over, the first-run offer, and a
// step's own button (the same as its docker command).
import type { LearnProgress } from '../../../vm-backend/api/contract.learn';
import type { LessonId } from '../../../vm-backend/api/rules/learn-names';
import type { BulkItemResult, WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { errorShape } from '../../lib/error-shape';
import { useStore } from '../../store/store';
import { useBuilds } from '../build/build-store';
import { useRunDialog } from '../run/run-store';
import type { StepAction } from './lesson-model';
import { recheck, saveProgress, useLearn } from './learn-store';

function update(change: (p: LearnProgress) => LearnProgress): void {
  const p = useLearn.getState().progress;
  if (!p) return;
  void saveProgress(getBridge(), change(p)).then(() => recheck(getBridge()));
}

export function openLesson(id: LessonId | null): void {
  useLearn.setState({ open: id });
  if (id)
    update((p) => ({
      ...p,
      firstRun: p.firstRun === 'offer' ? 'taken' : p.firstRun,
      lessons: { ...p.lessons, [id]: p.lessons[id] ?? { done: [] } },
    }));
}

export function chooseImage(id: LessonId, image: string): void {
  update((p) => ({ ...p, lessons: { ...p.lessons, [id]: { done: [], ...p.lessons[id], image } } }));
}

/** Forgets the lesson's done steps (the image picked stays). */
export function resetLesson(id: LessonId): void {
  update((p) => ({ ...p, lessons: { ...p.lessons, [id]: { ...p.lessons[id], done: [] } } }));
}

export function answerFirstRun(take: boolean): void {
  if (take) {
    useStore.getState().setView('learn');
    openLesson('image-container');
  } else update((p) => ({ ...p, firstRun: 'skipped' }));
}

/** Looks up the image's first exposed port once (a web lesson's container port). */
export async function lookUpPort(image: string): Promise<void> {
  if (useLearn.getState().ports[image] !== undefined) return;
  try {
    const info = await getBridge().call('run:image-info', { image });
    const port = info.exposedPorts.find((p) => p.protocol === 'tcp')?.port;
    if (info.present && port) useLearn.setState((s) => ({ ports: { ...s.ports, [image]: port } }));
  } catch {
    // Not here yet or unreadable: the lesson keeps port 80 until the image is there.
  }
}

const firstError = (results: BulkItemResult[]): ActionOutcome => ({
  error: results.find((r) => !r.ok)?.error ?? null,
});

export interface ActionOutcome {
  error: WharfErrorShape | null;
  /** A clean-up's list of what it removed ("container learn-web"). */
  removed?: string[];
}

/** Runs a step's button; answers what to show after it. */
export async function runStepAction(lesson: LessonId, action: StepAction): Promise<ActionOutcome> {
  const bridge = getBridge();
  try {
    switch (action.kind) {
      case 'view':
        useStore.getState().setView(action.view);
        return { error: null };
      case 'build': {
        // The Dockerfile the step shows, written into a folder of Wharf's; the Build form filled in.
        const f = await bridge.call('learn:prepare-build', { image: action.image });
        useBuilds.getState().setForm({ folder: f.folder, dockerfile: f.dockerfile, tags: [f.tag], tagsText: f.tag });
        useStore.getState().setView('build');
        return { error: null };
      }
      case 'run': {
        const [form] = action.forms;
        if (form) useRunDialog.getState().open({ kind: 'form', form });
        return { error: null };
      }
      case 'remove-containers':
        return firstError(
          await bridge.call('containers:remove', { ids: action.names, force: false, removeVolumes: false }),
        );
      case 'stop-containers':
        return firstError(await bridge.call('containers:action', { ids: action.names, action: 'stop' }));
      case 'remove-image':
        await bridge.call('images:remove', { ref: action.image, force: false });
        return { error: null };
      case 'remove-images':
        for (const ref of action.images) await bridge.call('images:remove', { ref, force: false });
        return { error: null };
      case 'create-volume':
        await bridge.call('volumes:create', { name: action.name });
        return { error: null };
      case 'cleanup': {
        const r = await bridge.call('learn:cleanup', { lesson });
        const failed = r.failed[0];
        return {
          removed: r.removed,
          error: failed ? { code: 'UNEXPECTED', message: failed.name, hint: '', detail: failed.detail } : null,
        };
      }
    }
  } catch (e) {
    return { error: errorShape(e) };
  }
}
