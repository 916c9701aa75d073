// The Build view: the form on the left, the shown build (steps and log) and the history on the
// right. Builds run in the backend: leaving this view and coming back shows them where they are.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildsWithBuildKit } from '../../../vm-backend/api/rules/build-builder';
import { useStore } from '../../store/store';
import { RunDialogHost } from '../run/RunDialogHost';
import { BuildFormView } from './BuildFormView';
import { BuildHistory } from './BuildHistory';
import { BuildProgress } from './BuildProgress';
import { sortedBuilds, useBuilds } from './build-store';
import './build.css';
import { Term } from '../../components/Term';

export function BuildView(): React.JSX.Element {
  const { t } = useTranslation();
  const byId = useBuilds((s) => s.byId);
  const shownId = useBuilds((s) => s.shown);
  const buildKit = useStore((s) => buildsWithBuildKit(s.engine));
  const builds = useMemo(() => sortedBuilds(byId), [byId]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  // Nothing picked: the newest build (a running one first).
  const shown = (shownId && byId[shownId]) || builds.find((b) => b.state === 'running') || builds[0];
  return (
    <section className="view" aria-labelledby="build-title">
      <div className="view__main build-view">
        <div className="toolbar">
          <h1 id="build-title">{t('build.title')}</h1>
          <Term term="dockerfile" compact />
        </div>
        <p className="build-intro">{t('build.intro')}</p>
        {buildKit && (
          <p className="build-note" role="note" data-testid="buildkit-note">
            {t('build.buildkitNote')}
          </p>
        )}
        <div className="build-columns">
          <BuildFormView />
          <div className="build-side">
            {shown && <BuildProgress key={shown.id} record={shown} />}
            <BuildHistory builds={builds} now={now} />
          </div>
        </div>
      </div>
      <RunDialogHost />
    </section>
  );
}
