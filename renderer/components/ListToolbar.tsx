import { useTranslation } from 'react-i18next';

/** The longest search a list takes; more is cut off as it is typed. */
const QUERY_MAX = 200;

interface Props {
  /** The heading's id: the list's section is labelled by it. */
  titleId: string;
  title: string;
  /** Beside the title: what the word means (the glossary's tooltip). */
  titleNote?: React.ReactNode;
  /** The search box's placeholder and accessible name. */
  searchLabel: string;
  query: string;
  onQuery(query: string): void;
  /** Controls between the search and the count (e.g. "Only running"). */
  filters?: React.ReactNode;
  count: React.ReactNode;
  countTestId?: string;
  /** Buttons after the count (e.g. "Remove dangling images"). */
  actions?: React.ReactNode;
}

/** The head of a list view: its title, a search box, filters, how many rows there are, actions. */
export function ListToolbar({
  titleId,
  title,
  titleNote,
  searchLabel,
  query,
  onQuery,
  filters,
  count,
  countTestId,
  actions,
}: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <header className="toolbar">
      <h1 id={titleId}>{title}</h1>
      {titleNote}
      <label className="search">
        <span className="sr-only">{t('common.search')}</span>
        <input
          type="search"
          placeholder={searchLabel}
          aria-label={searchLabel}
          value={query}
          onChange={(e) => onQuery(e.target.value.slice(0, QUERY_MAX))}
        />
      </label>
      {filters}
      <span className="toolbar__count" data-testid={countTestId}>
        {count}
      </span>
      {actions}
    </header>
  );
}
