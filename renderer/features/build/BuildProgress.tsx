// The shown build: its state, the step it is on ("Step 3/7: RUN npm install") with the time it
// has taken, each step's time and cache hit, the failure beside the Dockerfile line it came from,
// and Cancel / Run / Build again.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildRecord } from '../../../vm-backend/api/contract.build';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { shortId } from '../../lib/format';
import { PushPanel } from '../push/PushPanel';
import { useRunDialog } from '../run/run-store';
import { cancelBuild, formOf, runFormFor, startBuild } from './build-actions';
import { BuildLog } from './BuildLog';
import { useBuilds } from './build-store';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function BuildProgress({ record }: { record: BuildRecord }): React.JSX.Element {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now());
  const running = record.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  const current = record.steps.at(-1);
  const total = (record.endedAt ?? now) - record.startedAt;
  const again = (): void => {
    const form = formOf(record);
    useBuilds.getState().setForm(form);
    void startBuild(getBridge(), form, true);
  };
  return (
    <section className="build-progress" aria-label={t('build.log')} data-state={record.state} data-build={record.id}>
      <div className="build-progress__head">
        <strong className={`build-state build-state--${record.state}`} data-testid="build-state">
          {t(`build.state.${record.state}`)}
        </strong>
        <span className="build-progress__time">{seconds(Math.max(0, total))}</span>
        {current && (
          <span className="build-progress__step" data-testid="build-step">
            {t('build.step', { n: current.n, total: current.total, text: current.text })}
            {running && current.ms === undefined && ` · ${seconds(Math.max(0, now - current.startedAt))}`}
          </span>
        )}
        <span className="build-progress__actions">
          {running && (
            <button type="button" className="btn btn--danger" onClick={() => void cancelBuild(getBridge(), record.id)}>
              {t('build.cancel')}
            </button>
          )}
          {record.state === 'done' && (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => useRunDialog.getState().open({ kind: 'form', form: runFormFor(record) })}
            >
              {t('build.run')}
            </button>
          )}
          {!running && (
            <button type="button" className="btn" onClick={again}>
              {t('build.again')}
            </button>
          )}
        </span>
      </div>
      {record.imageId && record.state === 'done' && (
        <p className="build-progress__image">
          {t('build.image', { id: shortId(record.imageId) })} {record.tags.join(', ')}
        </p>
      )}
      {record.state === 'done' && record.imageId && (
        <PushPanel image={record.tags[0] ?? record.imageId} name={record.tags[0] ?? 'my-image:latest'} />
      )}
      {record.error && (
        <div className="build-progress__error">
          {record.errorLine !== undefined && (
            <p className="build-progress__line" data-testid="build-error-line">
              {t('build.failedAt', { line: record.errorLine })} <code>{current?.text}</code>
            </p>
          )}
          <ErrorNotice error={record.error} />
        </div>
      )}
      <div className="build-progress__body">
        <ol className="build-steps" aria-label={t('build.log')}>
          {record.steps.map((s) => (
            <li key={s.n} className={s === current && running ? 'build-steps__current' : undefined}>
              <span className="build-steps__n">
                {s.n}/{s.total}
              </span>
              <code>{s.text}</code>
              {s.line !== undefined && (
                <span className="build-steps__meta">{t('build.stepLine', { line: s.line })}</span>
              )}
              {s.cached && <span className="build-steps__cached">{t('build.cached')}</span>}
              {s.ms !== undefined && <span className="build-steps__meta">{seconds(s.ms)}</span>}
            </li>
          ))}
        </ol>
        <BuildLog key={record.id} build={record.id} />
      </div>
    </section>
  );
}
