// The global search box (Ctrl/Cmd+K): local images at once, then Docker Hub and each registry as
// they answer, each group with its own loading / error row. Picking a result opens its tags.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogLayer } from '../../components/dialog-stack';
import { cliHintProps } from '../../components/useCli';
import { getBridge } from '../../bridge';
import { useStore } from '../../store/store';
import { localMatches } from './local-matches';
import { MAX_TERM, searchRemote, useSearch } from './search-store';
import { SourceGroup } from './SourceGroup';
import { TagPicker } from './TagPicker';
import './search.css';

export function useSearchShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        useSearch.getState().show(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

const hide = (): void => useSearch.getState().show(false);

export function SearchBox(): React.JSX.Element | null {
  const { t } = useTranslation();
  const open = useSearch((s) => s.open);
  const term = useSearch((s) => s.term);
  const sources = useSearch((s) => s.sources);
  const picked = useSearch((s) => s.picked);
  const images = useStore((s) => s.images.byId);
  const input = useRef<HTMLInputElement>(null);
  const local = useMemo(() => localMatches(Object.values(images), term), [images, term]);
  const zIndex = useDialogLayer(open ? hide : null);
  useEffect(() => {
    if (!open) return;
    input.current?.focus();
    // Reopened with a term: ask again, so a registry added while the box was closed is searched too.
    const kept = useSearch.getState().term;
    if (kept.trim()) searchRemote(getBridge(), kept);
  }, [open]);
  if (!open) return null;
  const onChange = (value: string): void => {
    const v = value.slice(0, MAX_TERM);
    useSearch.getState().setTerm(v);
    searchRemote(getBridge(), v);
  };
  const cli = `docker search ${term.trim() || '<term>'}`;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click beside the box closes it; Escape is the keyboard way
    <div
      className="dialog-backdrop search-backdrop"
      style={{ zIndex }}
      onMouseDown={(e) => e.target === e.currentTarget && useSearch.getState().show(false)}
    >
      <div className="search-dialog" role="dialog" aria-modal="true" aria-label={t('search.title')}>
        <label className="search__label">
          <span className="sr-only">{t('search.label')}</span>
          <input
            ref={input}
            type="search"
            className="search__input"
            value={term}
            placeholder={t('search.placeholder')}
            maxLength={MAX_TERM}
            onChange={(e) => onChange(e.target.value)}
            {...cliHintProps(cli)}
          />
        </label>
        <p className="muted small search__cli">
          <code>{cli}</code>
        </p>
        {picked ? (
          <TagPicker picked={picked} />
        ) : (
          <div className="search__results">
            {term.trim() && (
              <section className="search-group" aria-label={t('search.local')} data-source="local">
                <h3 className="search-group__title">{t('search.local')}</h3>
                {local.length === 0 ? (
                  <p className="muted small">{t('search.none')}</p>
                ) : (
                  <ul>
                    {local.map((m) => (
                      <li key={m.ref} className="search-row">
                        <span className="search-row__name">{m.ref}</span>{' '}
                        <span className="muted small">{t('search.onEngine')}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )}
            {term.trim() && sources.map((s) => <SourceGroup key={s} source={s} />)}
          </div>
        )}
      </div>
    </div>
  );
}
