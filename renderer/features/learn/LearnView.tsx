import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { loadCatalogPart } from '../../i18n/catalog-part';
import { GLOSSARY_TERMS } from '../../components/glossary';
import { openLesson } from './learn-actions';
import { useLearn } from './learn-store';
import { LESSONS, lessonById } from './lessons';
import { LessonView } from './LessonView';
import { Term } from '../../components/Term';
import './learn.css';

export function LearnView(): React.JSX.Element {
  // The lessons' texts (i18n/lessons.<lang>.json) come with the view, not with the first paint:
  // until they are in, the view suspends (the main area's Suspense shows its loading line).
  use(loadCatalogPart('learn', 'lessons'));
  const { t } = useTranslation();
  const open = useLearn((s) => s.open);
  const progress = useLearn((s) => s.progress);
  const error = useLearn((s) => s.error);
  return (
    <section className="view learn" aria-labelledby="learn-title">
      <div className="view__main learn__main">
        <h1 id="learn-title">{t('learn.title')}</h1>
        {error && <ErrorNotice error={error} />}
        {open ? (
          <LessonView lesson={lessonById(open)} />
        ) : (
          <>
            <p>{t('learn.intro')}</p>
            <ul className="learn-list">
              {LESSONS.map((l) => {
                const done = progress?.lessons[l.id]?.done.length ?? 0;
                const started = progress?.lessons[l.id] !== undefined;
                return (
                  <li key={l.id} className="learn-card" data-testid={`lesson-card-${l.id}`}>
                    <h2>{t(`learn.lessons.${l.id}.title`)}</h2>
                    <p className="small muted">{t('learn.stepsDone', { done, total: l.steps.length })}</p>
                    <button type="button" className="btn" onClick={() => openLesson(l.id)} disabled={!progress}>
                      {t(started ? 'learn.continue' : 'learn.start', { title: t(`learn.lessons.${l.id}.title`) })}
                    </button>
                  </li>
                );
              })}
            </ul>
            <h2>{t('learn.glossaryTitle')}</h2>
            <dl className="learn-glossary">
              {GLOSSARY_TERMS.map((term) => (
                <div key={term}>
                  <dt>
                    <Term term={term} />
                  </dt>
                  <dd>{t(`glossary.${term}.def`)}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </div>
    </section>
  );
}
