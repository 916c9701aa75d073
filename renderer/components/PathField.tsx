// A path on the backend's machine, typed with completion (host:complete-path): web mode's answer
// to a folder dialog, usable anywhere a folder or file is asked for. Arrow keys move through the
// suggestions, Tab or Enter takes one, Escape closes them; a folder taken lists its own entries.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathCompletion } from '../../vm-backend/api/contract.host-paths';
import { WharfError } from '../../vm-backend/api/errors';
import type { WharfErrorShape } from '../../vm-backend/api/types';
import { getBridge } from '../bridge';
import './path-field.css';

export interface PathFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Suggest folders only (a build context, a project folder). */
  dirsOnly?: boolean;
  placeholder?: string;
  /** Marks the input invalid (the caller's own check failed). */
  invalid?: boolean;
  /** How long typing must pause before the backend is asked (ms). */
  debounceMs?: number;
}

export function PathField(props: PathFieldProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { value, onChange, dirsOnly = false, debounceMs = 120 } = props;
  const listId = useId();
  const [answer, setAnswer] = useState<PathCompletion | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useRef(0);

  useEffect(() => {
    if (!open) return;
    const n = ++asked.current;
    const timer = setTimeout(() => {
      getBridge()
        .call('host:complete-path', { path: value, dirsOnly })
        .then(
          (a) => {
            if (n !== asked.current) return; // a later keystroke asked again
            setAnswer(a);
            setError(null);
            setActive(-1);
          },
          (e: unknown) => {
            if (n !== asked.current) return;
            setAnswer(null);
            setError(e instanceof WharfError ? e.toJSON() : null);
          },
        );
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [value, dirsOnly, open, debounceMs]);

  const entries = open ? (answer?.entries ?? []) : [];
  const take = (path: string): void => {
    onChange(path);
    setOpen(true);
  };
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (!entries.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + entries.length) % entries.length);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && entries.length) {
      const pick = entries[Math.max(active, 0)];
      // Tab with nothing chosen and several choices moves on, as a form expects.
      if (e.key === 'Tab' && active < 0 && entries.length > 1) return;
      if (pick && pick.path !== value) {
        e.preventDefault();
        take(pick.path);
      }
    } else if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
    }
  };
  const errorText = (err: WharfErrorShape): string => {
    const key = `errors.${err.code}.message`;
    return i18n.exists(key) ? t(key, err.params ?? {}) : err.message;
  };

  return (
    <div className="path-field">
      <label>
        {props.label}
        <input
          role="combobox"
          aria-expanded={entries.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={props.invalid || undefined}
          spellCheck={false}
          autoComplete="off"
          value={value}
          placeholder={props.placeholder ?? t('pathField.placeholder')}
          onChange={(e) => {
            onChange(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKey}
        />
      </label>
      {entries.length > 0 && (
        <div className="path-field__list" id={listId} role="listbox" aria-label={t('pathField.suggestions')}>
          {entries.map((entry, i) => (
            <div
              key={entry.path}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`path-field__option path-field__option--${entry.kind}`}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the focus in the input
                take(entry.path);
              }}
            >
              {entry.name}
              {entry.kind === 'dir' ? answer?.sep : ''}
              {entry.link && <span className="path-field__link"> {t('pathField.link')}</span>}
            </div>
          ))}
          {answer?.truncated && <div className="path-field__more">{t('pathField.more')}</div>}
        </div>
      )}
      {open && error && (
        <p className="path-field__error" role="status" data-code={error.code}>
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
