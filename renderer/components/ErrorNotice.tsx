import { useTranslation } from 'react-i18next';
import type { WharfErrorShape } from '../../vm-backend/api/types';

/** message + hint for a beginner, the engine's own words on demand. */
export function ErrorNotice({ error }: { error: WharfErrorShape }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const key = `errors.${error.code}`;
  const params = error.params ?? {};
  const message = i18n.exists(`${key}.message`) ? t(`${key}.message`, params) : error.message;
  const hint = i18n.exists(`${key}.hint`) ? t(`${key}.hint`, params) : error.hint;
  return (
    <div className="error-notice" role="alert" data-code={error.code}>
      <p className="error-notice__message">{message}</p>
      <p className="error-notice__hint">{hint}</p>
      {error.detail && (
        <details className="error-notice__detail">
          <summary>{t('common.details')}</summary>
          <pre>{error.detail}</pre>
        </details>
      )}
    </div>
  );
}
