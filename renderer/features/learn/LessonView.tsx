import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { useNetworks } from '../networks/networks-store';
import { useTargets } from '../targets/targets-store';
import { RunDialogHost } from '../run/RunDialogHost';
import { useVolumes } from '../volumes/volumes-store';
import { advance } from './advance';
import { useDockerContext } from './docker-context';
import { ImageChoice } from './ImageChoice';
import { ImageSources } from './ImageSources';
import type { Lesson } from './lesson-model';
import { lookUpPort, openLesson, resetLesson } from './learn-actions';
import { ensureLists, learnState, lessonContext, listsReady, useLearn } from './learn-store';
import { getBridge } from '../../bridge';
import { hasImage as engineHas } from './state-queries';
import { StepCard } from './StepCard';

export function LessonView({ lesson }: { lesson: Lesson }): React.JSX.Element {
  const { t } = useTranslation();
  const progress = useLearn((s) => s.progress);
  const ports = useLearn((s) => s.ports);
  // The lists the checks read: re-rendered (and re-checked) whenever the engine's events change them.
  const containers = useStore((s) => s.containers);
  const images = useStore((s) => s.images);
  const volumes = useVolumes((s) => s.list);
  const networks = useNetworks((s) => s.list);
  // Where the engine runs (the VM lesson): the targets list and the active target.
  const targets = useTargets((s) => s.overview);
  const target = useStore((s) => s.engine?.target);
  // What the inspects said (-it, --memory): the hints read it too.
  const inspected = useLearn((s) => s.inspected);
  const dockerContext = useDockerContext();
  const ctx = lessonContext(lesson, progress, ports);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the lists are what learnState() reads
  const state = useMemo(
    () => (listsReady(lesson) ? learnState() : null),
    [lesson, containers, images, volumes, networks, targets, target, inspected],
  );
  useEffect(() => ensureLists(lesson, getBridge()), [lesson]);
  const done = progress?.lessons[lesson.id]?.done ?? [];
  const standing = state ? advance(lesson, done, state, ctx) : null;
  const hasImage = images.byId && Object.values(images.byId).some((i) => i.repoTags.length > 0);
  useEffect(() => {
    if (lesson.web && hasImage) void lookUpPort(ctx.image);
  }, [lesson.web, ctx.image, hasImage]);
  const base = `learn.lessons.${lesson.id}`;
  return (
    <div className="learn-lesson" data-testid={`lesson-${lesson.id}`}>
      <div className="learn-lesson__bar">
        <button type="button" className="btn btn--small" onClick={() => openLesson(null)}>
          {t('learn.back')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => resetLesson(lesson.id)}>
          {t('learn.reset')}
        </button>
      </div>
      <h2>{t(`${base}.title`)}</h2>
      <p>{t(`${base}.intro`, { image: ctx.image, port: ctx.port })}</p>
      {lesson.usesImage !== false && (
        <ImageChoice key={ctx.image} lesson={lesson.id} wanted={lesson.image} image={ctx.image} />
      )}
      {lesson.usesImage !== false &&
        images.loaded &&
        !standing?.finished &&
        !engineHas(Object.values(images.byId), ctx.image) && <ImageSources lesson={lesson.id} image={ctx.image} />}
      {dockerContext && <p className="small muted">{t('learn.contextNote', { context: dockerContext })}</p>}
      {standing?.finished && (
        <p className="learn-finished" role="status" data-testid="lesson-finished">
          {t('learn.finished')}
        </p>
      )}
      <ol className="learn-steps">
        {lesson.steps.map((step, i) => (
          <StepCard
            key={step.id}
            lesson={lesson.id}
            step={step}
            index={i}
            status={standing?.steps[i] ?? { id: step.id, state: 'waiting', hint: null }}
            state={state}
            ctx={ctx}
            dockerContext={dockerContext}
          />
        ))}
      </ol>
      <RunDialogHost />
    </div>
  );
}
