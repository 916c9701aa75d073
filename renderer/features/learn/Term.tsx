import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryTerm } from './glossary';
import './learn.css';

/** A glossary word: its one-line definition as a tooltip (hover or keyboard focus). */
export function Term({
  term,
  children,
  compact = false,
}: {
  term: GlossaryTerm;
  children?: React.ReactNode;
  /** A small "?" (beside a heading that already says the word), named "What is a container?". */
  compact?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const def = t(`glossary.${term}.def`);
  const tipId = useId();
  return (
    <dfn className="term" data-term={term}>
      <button
        type="button"
        className={compact ? 'term__word term__word--compact' : 'term__word'}
        aria-describedby={tipId}
        aria-label={compact ? t('learn.whatIs', { word: t(`glossary.${term}.word`) }) : undefined}
      >
        {compact ? '?' : (children ?? t(`glossary.${term}.word`))}
      </button>
      <span className="term__tip" role="tooltip" id={tipId}>
        {def}
      </span>
    </dfn>
  );
}
