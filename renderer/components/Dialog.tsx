import { useEffect, useId, useRef } from 'react';

/** A modal dialog: labelled by its title, Escape cancels, focus moves into it. */
export function Dialog(props: {
  title: string;
  onClose(): void;
  children: React.ReactNode;
  footer: React.ReactNode;
}): React.JSX.Element {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input, button:not([data-close])')?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={ref}>
        <h2 id={titleId} className="dialog__title">
          {props.title}
        </h2>
        <div className="dialog__body">{props.children}</div>
        <div className="dialog__footer">{props.footer}</div>
      </div>
    </div>
  );
}
