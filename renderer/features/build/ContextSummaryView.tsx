// What the build will send, counted before the upload: size, files, the biggest folders, and a
// one-click "add to .dockerignore" for folders a Dockerfile rarely needs.
import { useTranslation } from 'react-i18next';
import type { ContextSummary } from '../../../vm-backend/api/contract.build';
import { formatBytes } from '../../lib/format';

export function ContextSummaryView({
  summary,
  onIgnore,
}: {
  summary: ContextSummary;
  onIgnore(pattern: 'node_modules' | '.git' | 'target'): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="build-context" aria-label={t('build.context.title')}>
      <h2>{t('build.context.title')}</h2>
      <p data-testid="build-context-size">
        {t('build.context.summary', { size: formatBytes(summary.bytes), count: summary.files })} ·{' '}
        {summary.dockerignore ? t('build.context.dockerignore') : t('build.context.noDockerignore')}
      </p>
      {summary.biggest.length > 0 && (
        <p className="build-context__biggest">
          {t('build.context.biggest')}: {summary.biggest.map((b) => `${b.path}/ ${formatBytes(b.bytes)}`).join(' · ')}
        </p>
      )}
      {summary.ignorable.map((i) => (
        <p key={i.path} className="build-context__hint">
          {t('build.context.ignorable', { path: i.path, size: formatBytes(i.bytes) })}{' '}
          <button
            type="button"
            className="btn btn--small"
            onClick={() => onIgnore(i.path as 'node_modules' | '.git' | 'target')}
          >
            {t('build.context.addIgnore', { path: i.path })}
          </button>
        </p>
      ))}
      {summary.problems.map((p) => (
        <p key={p.path} className="build-context__problem">
          {t(p.problem === 'link-outside' ? 'build.context.linkOutside' : 'build.context.unreadable', { path: p.path })}
        </p>
      ))}
    </section>
  );
}
