import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryTerm } from './glossary';
import { placeTip } from './place-tip';
import { tipHidden, tipShown } from './shown-tip';
import './term.css';

/** How long a tip stays after the pointer leaves its word, so the pointer can reach the tip. */
const LEAVE_MS = 300;

/**
 * A glossary word: its one-line definition as a tooltip (hover, keyboard focus, or a tap). The tip
 * is a manual popover, so it sits in the top layer: no table cell, scrolling list or dialog clips
 * it, and it shows above a modal dialog's backdrop. Never put one inside a button or a <label>
 * (it is a button itself): beside them, use `compact`.
 */
export function Term({
  term,
  children,
  compact = false,
}: {
  term: GlossaryTerm;
  children?: React.ReactNode;
  /** A small "?" (beside a heading or a field that already says the word), named "What is a container?". */
  compact?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const tipId = useId();
  const word = useRef<HTMLButtonElement>(null);
  const tip = useRef<HTMLSpanElement>(null);

  // Built once: they read only the refs, so the listeners they add are removed by the same function.
  const { show, hide, leave } = useMemo(() => {
    let leaving: number | undefined;
    const hide = (): void => {
      window.clearTimeout(leaving);
      if (tip.current?.matches(':popover-open')) tip.current.hidePopover();
      window.removeEventListener('scroll', hide, true);
      window.removeEventListener('resize', hide);
      tipHidden(hide);
    };
    // The pointer leaving the word has a moment to reach the tip (a diagonal path crosses neither).
    const leave = (): void => {
      window.clearTimeout(leaving);
      leaving = window.setTimeout(hide, LEAVE_MS);
    };
    const show = (): void => {
      window.clearTimeout(leaving);
      const el = tip.current;
      const at = word.current;
      if (!el || !at || !el.isConnected) return;
      // One at a time (a keyboard's focus and the pointer may be on two words).
      tipShown(hide);
      if (!el.matches(':popover-open')) el.showPopover();
      placeTip(el, at.getBoundingClientRect(), { width: window.innerWidth, height: window.innerHeight });
      // A fixed tip would drift from its word: it goes when anything scrolls.
      window.addEventListener('scroll', hide, true);
      window.addEventListener('resize', hide);
    };
    return { show, hide, leave };
  }, []);
  useEffect(() => hide, [hide]);

  return (
    // The <dfn> keeps the tip open while the pointer is on the word or on the tip (its child).
    <dfn className="term" data-term={term} onMouseEnter={show} onMouseLeave={leave}>
      <button
        ref={word}
        type="button"
        className={compact ? 'term__word term__word--compact' : 'term__word'}
        aria-describedby={tipId}
        aria-label={compact ? t('learn.whatIs', { word: t(`glossary.${term}.word`) }) : undefined}
        // A mouse click focuses too: only a keyboard's focus (focus-visible) opens the tip by itself.
        onFocus={(e) => e.currentTarget.matches(':focus-visible') && show()}
        onBlur={hide}
        onClick={show}
        onKeyDown={(e) => e.key === 'Escape' && tip.current?.matches(':popover-open') && (e.stopPropagation(), hide())}
      >
        {compact ? '?' : (children ?? t(`glossary.${term}.word`))}
      </button>
      <span ref={tip} className="term__tip" role="tooltip" id={tipId} popover="manual">
        {t(`glossary.${term}.def`)}
      </span>
    </dfn>
  );
}
