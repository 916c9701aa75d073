// The lessons in the window: the user's progress (learn:progress, saved with learn:save), which
// lesson is open, and the image ports looked up. The subscriber re-checks the started lessons
// whenever a list the checks read changes (the engine's events drive those lists): no polling.
import { create } from 'zustand';
import type { LearnProgress } from '../../../vm-backend/api/contract.learn';
import type { LessonId } from '../../../vm-backend/api/rules/learn-names';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { loadCatalogPart } from '../../i18n/catalog-part';
import { errorShape } from '../../lib/error-shape';
import { useStore } from '../../store/store';
import { useNetworks } from '../networks/networks-store';
import { useTargets } from '../targets/targets-store';
import { loadVolumes, useVolumes } from '../volumes/volumes-store';
import { advance } from './advance';
import { engineKind } from './engine-kind';
import { type ContainerFacts, factsOf } from './inspect-facts';
import type { LearnState, Lesson, LessonContext } from './lesson-model';

interface LearnStoreState {
  /** null until read from the backend. */
  progress: LearnProgress | null;
  error: WharfErrorShape | null;
  /** The lesson shown in the Learn view; null shows the list. */
  open: LessonId | null;
  /** Each image's first exposed port (run:image-info), for the commands and forms. */
  ports: Record<string, number>;
  /** By container id: the inspected facts of the containers a started lesson `inspects`. */
  inspected: Record<string, ContainerFacts>;
}

export const useLearn = create<LearnStoreState>()(() => ({
  progress: null,
  error: null,
  open: null,
  ports: {},
  inspected: {},
}));

const DEFAULT_PORT = 80;

export function lessonContext(
  lesson: Lesson,
  progress: LearnProgress | null,
  ports: Record<string, number>,
): LessonContext {
  const image = progress?.lessons[lesson.id]?.image ?? lesson.image;
  return { image, port: ports[image] ?? DEFAULT_PORT };
}

/** The lists the checks read, or null while the containers or images are not listed yet. */
export function learnState(): LearnState | null {
  const { containers, images } = useStore.getState();
  if (!containers.loaded || !images.loaded) return null;
  return {
    containers: Object.values(containers.byId),
    images: Object.values(images.byId),
    volumes: Object.values(useVolumes.getState().list.byId),
    networks: Object.values(useNetworks.getState().list.byId),
    inspected: useLearn.getState().inspected,
    engine: engineKind(useStore.getState().engine?.target, useTargets.getState().overview?.targets),
  };
}

/** Inspect calls under way, by container id and state: each is asked once. */
const inspecting = new Set<string>();

/**
 * Inspects, once per container and state, the containers the lesson names in `inspects` that the
 * list shows and whose facts are missing or older than their state. The answer lands in
 * `inspected`, which re-checks the lessons; a failed call (the container went) is asked again on
 * the next change.
 */
export function ensureInspected(lesson: Lesson, state: LearnState, bridge: Bridge): void {
  for (const name of lesson.inspects ?? []) {
    const row = state.containers.find((c) => c.name === name);
    if (!row || state.inspected?.[row.id]?.state === row.state) continue;
    const key = `${row.id}/${row.state}`;
    if (inspecting.has(key)) continue;
    inspecting.add(key);
    bridge.call('containers:inspect', { id: row.id }).then(
      (info) => {
        inspecting.delete(key);
        useLearn.setState((s) => ({ inspected: { ...s.inspected, [row.id]: factsOf(info.raw, row.state) } }));
      },
      () => inspecting.delete(key),
    );
  }
}

/** Whether the lists a lesson's checks read beyond containers and images are listed yet. */
export function listsReady(lesson: Lesson): boolean {
  return (lesson.needs ?? []).every((n) =>
    n === 'volumes'
      ? useVolumes.getState().list.loaded
      : n === 'engine'
        ? useTargets.getState().overview !== null
        : useNetworks.getState().list.loaded,
  );
}

/** Lists what the lesson needs that the window has not listed yet (the volumes view may never have opened). */
export function ensureLists(lesson: Lesson, bridge: Bridge): void {
  if (lesson.needs?.includes('volumes') && !useVolumes.getState().list.loaded) void loadVolumes(bridge);
  if (lesson.needs?.includes('engine') && !useTargets.getState().overview) void useTargets.getState().load();
  if (lesson.needs?.includes('networks') && !useNetworks.getState().list.loaded)
    bridge.call('networks:list', {}).then(
      (l) => useNetworks.getState().listed(l),
      () => undefined, // engine down: the networks store lists again when it is ready
    );
}

/** Saves `next` (shown at once); a failed save is shown and the next change tries again. */
export async function saveProgress(bridge: Bridge, next: LearnProgress): Promise<void> {
  useLearn.setState({ progress: next });
  try {
    await bridge.call('learn:save', { progress: next });
    useLearn.setState({ error: null });
  } catch (e) {
    useLearn.setState({ error: errorShape(e) });
  }
}

// The lessons (their steps, checks and hints) and their texts (i18n/lessons.<lang>.json) load with
// the first started lesson or the Learn view, not with the first paint: most windows never start one.
let lessonsModule: Promise<typeof import('./lessons')> | null = null;
const loadLessons = (): Promise<typeof import('./lessons')> => {
  if (!lessonsModule) void loadCatalogPart('learn', 'lessons').catch(() => undefined); // the view asks again
  lessonsModule ??= import('./lessons');
  return lessonsModule;
};

/** Marks the steps whose checks now hold in every started lesson; saves when something changed. */
export function recheck(bridge: Bridge): void {
  const progress = useLearn.getState().progress;
  if (!progress || Object.keys(progress.lessons).length === 0) return;
  void loadLessons().then(({ LESSONS }) => recheckWith(LESSONS, bridge));
}

function recheckWith(all: readonly Lesson[], bridge: Bridge): void {
  const { progress, ports } = useLearn.getState();
  const state = learnState();
  if (!progress || !state) return;
  let changed = false;
  const lessons = { ...progress.lessons };
  for (const lesson of all) {
    const mine = lessons[lesson.id];
    if (!mine) continue;
    if (!listsReady(lesson)) {
      ensureLists(lesson, bridge);
      continue;
    }
    ensureInspected(lesson, state, bridge);
    const standing = advance(lesson, mine.done, state, lessonContext(lesson, progress, ports));
    if (standing.done.length !== mine.done.length) {
      lessons[lesson.id] = { ...mine, done: standing.done };
      changed = true;
    }
  }
  if (changed) void saveProgress(bridge, { ...progress, lessons });
}

export function subscribeLearn(bridge: Bridge): () => void {
  let asked = false;
  const load = (): void => {
    asked = true;
    bridge.call('learn:progress', {}).then(
      (progress) => {
        useLearn.setState({ progress, error: null });
        recheck(bridge);
      },
      (e) => {
        asked = false;
        useLearn.setState({ error: errorShape(e) });
      },
    );
  };
  const check = (): void => recheck(bridge);
  const offs = [
    // The progress is the user's, not the engine's: read whenever the link to the backend opens
    // (again, after a restart), and once more when an engine is ready if that read failed.
    bridge.onTransport((t) => {
      if (t === 'open') load();
    }),
    bridge.on('engine:state', (st) => {
      if (st.state === 'ready' && !asked) load();
    }),
    useStore.subscribe((s, prev) => {
      if (s.containers !== prev.containers || s.images !== prev.images || s.engine !== prev.engine) check();
    }),
    useVolumes.subscribe((s, prev) => {
      if (s.list !== prev.list) check();
    }),
    useNetworks.subscribe((s, prev) => {
      if (s.list !== prev.list) check();
    }),
    useTargets.subscribe((s, prev) => {
      if (s.overview !== prev.overview) check();
    }),
    useLearn.subscribe((s, prev) => {
      if (s.ports !== prev.ports || s.inspected !== prev.inspected) check();
    }),
  ];
  return () => offs.forEach((o) => o());
}
