import { useTranslation } from 'react-i18next';
import type { LearnProgress } from '../../../vm-backend/api/contract.learn';
import type { ContainerRow } from '../../../vm-backend/api/types';
import type { ListState } from '../../store/apply-change';
import { useStore } from '../../store/store';
import { answerFirstRun } from './learn-actions';
import { useLearn } from './learn-store';

/** Offered until taken or skipped, only once the containers are listed and there are none. */
export function offerShown(progress: LearnProgress | null, containers: ListState<ContainerRow>, view: string): boolean {
  return (
    progress?.firstRun === 'offer' && containers.loaded && Object.keys(containers.byId).length === 0 && view !== 'learn'
  );
}

/** On the first window with no containers: the first lesson, or "skip" (never shown again). */
export function FirstRunOffer(): React.JSX.Element | null {
  const { t } = useTranslation();
  const progress = useLearn((s) => s.progress);
  const containers = useStore((s) => s.containers);
  const view = useStore((s) => s.view);
  if (!offerShown(progress, containers, view)) return null;
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
