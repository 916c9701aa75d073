import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RunResultButton } from './RunResultButton';
import { useSearch } from './search-store';

/** One remote source's results, or its own loading / error row. */
export function SourceGroup({ source }: { source: string }): React.JSX.Element {
  const { t } = useTranslation();
  const st = useSearch((s) => s.groups[source]);
  const title = source === 'hub' ? t('search.hub') : t('search.registry', { host: source });
  return (
    <section className="search-group" aria-label={title} data-source={source}>
      <h3 className="search-group__title">
        {title}
        {st?.state === 'done' && st.group.via === 'engine' && (
          <span className="muted small"> · {t('search.viaEngine')}</span>
        )}
      </h3>
      {(!st || st.state === 'loading') && (
        <p className="muted small" role="status">
          {t('search.loading')}
        </p>
      )}
      {st?.state === 'error' && <ErrorNotice error={st.error} />}
      {st?.state === 'done' && st.group.results.length === 0 && <p className="muted small">{t('search.none')}</p>}
      {st?.state === 'done' && st.group.results.length > 0 && (
        <ul>
          {st.group.results.map((r) => (
            <li key={r.name}>
              <button
                type="button"
                className="search-row search-row--pick"
                onClick={() => useSearch.getState().pick({ ...r, source })}
              >
                <span className="search-row__name">{r.name}</span>
                {r.official && <span className="badge">{t('search.official')}</span>}
                {r.stars !== undefined && <span className="muted small">★ {r.stars}</span>}
                {r.pulls !== undefined && <span className="muted small">{t('search.pulls', { n: r.pulls })}</span>}
                {r.description && <span className="muted small search-row__desc">{r.description}</span>}
              </button>
              <RunResultButton image={r.name} />
            </li>
          ))}
          {st.group.truncated && <li className="muted small">{t('search.truncated')}</li>}
        </ul>
      )}
    </section>
  );
}
