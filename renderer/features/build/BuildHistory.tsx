// The last 20 builds (folder, tags, result, duration, when), each with its log on disk: Show
// opens it in the progress panel.
import { useTranslation } from 'react-i18next';
import type { BuildRecord } from '../../../vm-backend/api/contract.build';
import { formatAgo } from '../../lib/format';
import { useBuilds } from './build-store';

export function BuildHistory({ builds, now }: { builds: BuildRecord[]; now: number }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const shown = useBuilds((s) => s.shown);
  return (
    <section className="build-history" aria-labelledby="build-history-title">
      <h2 id="build-history-title">{t('build.history')}</h2>
      {builds.length === 0 ? (
        <p className="muted">{t('build.noHistory')}</p>
      ) : (
        <ul>
          {builds.map((b) => (
            <li key={b.id} data-testid="build-history-row" data-build={b.id} aria-current={b.id === shown || undefined}>
              <span className={`build-state build-state--${b.state}`}>{t(`build.state.${b.state}`)}</span>
              <span className="build-history__tags">{b.tags.join(', ') || t('build.untagged')}</span>
              <code className="build-history__folder">{b.folder}</code>
              <span className="muted">
                {b.endedAt ? `${((b.endedAt - b.startedAt) / 1000).toFixed(1)} s · ` : ''}
                {formatAgo(b.startedAt, Math.max(now, b.endedAt ?? b.startedAt), i18n.language)}
              </span>
              <button type="button" className="btn btn--small" onClick={() => useBuilds.getState().show(b.id)}>
                {t('build.show')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
