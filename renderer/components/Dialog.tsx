import { useEffect, useId, useRef } from 'react';
import { useDialogLayer } from './dialog-stack';

/** A modal dialog: labelled by its title, on top of any open before it, Escape cancels the top one,
 *  focus moves into it. */
export function Dialog(props: {
  title: string;
  onClose(): void;
  children: React.ReactNode;
  footer: React.ReactNode;
}): React.JSX.Element {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const zIndex = useDialogLayer(props.onClose);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input, button:not([data-close])')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop" style={{ zIndex }}>
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
