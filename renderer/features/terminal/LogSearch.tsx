import type { SearchAddon } from '@xterm/addon-search';
import { forwardRef, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../theme/theme';
import { SEARCH_DECORATIONS } from './terminal-themes';

/** Search in the terminal's buffer: Enter = next, Shift+Enter = previous, with a match count. */
export const LogSearch = forwardRef<HTMLInputElement, { search: SearchAddon | null }>(function LogSearch(
  { search },
  ref,
) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [count, setCount] = useState<{ index: number; total: number } | null>(null);

  useEffect(() => {
    if (!search) return;
    const sub = search.onDidChangeResults(({ resultIndex, resultCount }) =>
      setCount({ index: resultIndex, total: resultCount }),
    );
    return () => sub.dispose();
  }, [search]);

  const go = (dir: 'next' | 'prev', q = query): void => {
    if (!search) return;
    if (!q) {
      search.clearDecorations();
      setCount(null);
      return;
    }
    const opts = { decorations: SEARCH_DECORATIONS[useTheme.getState().theme], incremental: false };
    if (dir === 'next') search.findNext(q, opts);
    else search.findPrevious(q, opts);
  };

  return (
    <div className="log-search" role="search">
      <input
        ref={ref}
        type="search"
        aria-label={t('logs.search')}
        placeholder={t('logs.searchPlaceholder')}
        value={query}
        onChange={(e) => {
          const q = e.target.value.slice(0, 500);
          setQuery(q);
          go('next', q);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? 'prev' : 'next');
          }
        }}
      />
      <button type="button" className="btn btn--small" onClick={() => go('prev')} aria-label={t('logs.prevMatch')}>
        ↑
      </button>
      <button type="button" className="btn btn--small" onClick={() => go('next')} aria-label={t('logs.nextMatch')}>
        ↓
      </button>
      <span className="log-search__count" data-testid="log-search-count" aria-live="polite">
        {query && count
          ? count.total === 0
            ? t('logs.noMatches')
            : t('logs.matchCount', { index: count.index + 1, total: count.total })
          : ''}
      </span>
    </div>
  );
});
