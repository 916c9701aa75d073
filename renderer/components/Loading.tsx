import { useTranslation } from 'react-i18next';

/** Shown while a lazily loaded part (a terminal, a panel) arrives: a line, no layout jump. */
export function LoadingLine(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <p className="muted small" role="status" aria-busy="true">
      {t('common.loading')}
    </p>
  );
}

/** Shown while a dialog's code arrives: the dialog's backdrop with one line, so the click answers at once. */
export function LoadingDialog(): React.JSX.Element {
  return (
    <div className="dialog-backdrop">
      <div className="dialog">
        <LoadingLine />
      </div>
    </div>
  );
}
