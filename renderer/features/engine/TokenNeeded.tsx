import { Trans, useTranslation } from 'react-i18next';

/** Web mode opened without Wharf's token (or with an old one): where to find the right address. */
export function TokenNeeded(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="banner banner--error" role="alert" data-testid="token-needed">
      <strong>{t('token.title')}</strong>
      <p>
        <Trans i18nKey="token.printed" components={{ code: <code /> }} />
      </p>
      <p>
        <Trans i18nKey="token.printAgain" components={{ code: <code /> }} />
      </p>
      <p className="muted small">{t('token.why')}</p>
    </div>
  );
}
