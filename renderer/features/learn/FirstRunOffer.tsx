import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { answerFirstRun } from './learn-actions';
import { useLearn } from './learn-store';

/** On the first window with no containers: the first lesson, or "skip" (never shown again). */
export function FirstRunOffer(): React.JSX.Element | null {
  const { t } = useTranslation();
  const offer = useLearn((s) => s.progress?.firstRun === 'offer');
  const empty = useStore((s) => s.containers.loaded && Object.keys(s.containers.byId).length === 0);
  const view = useStore((s) => s.view);
  if (!offer || !empty || view === 'learn') return null;
  return (
    <aside className="learn-offer" aria-label={t('learn.firstRun.label')} data-testid="learn-offer">
      <p>{t('learn.firstRun.text')}</p>
      <button type="button" className="btn btn--primary" onClick={() => answerFirstRun(true)}>
        {t('learn.firstRun.take')}
      </button>
      <button type="button" className="btn" onClick={() => answerFirstRun(false)}>
        {t('learn.firstRun.skip')}
      </button>
    </aside>
  );
}
