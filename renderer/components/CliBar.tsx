import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store';

/** The footer that teaches: the docker command of what is under the pointer, and of the last click. */
export function CliBar(): React.JSX.Element {
  const { t } = useTranslation();
  const hover = useStore((s) => s.cliHover);
  const last = useStore((s) => s.cliLast);
  const [copied, setCopied] = useState(false);
  const cmd = hover ?? last;
  const copy = (): void => {
    if (!cmd) return;
    void navigator.clipboard?.writeText(cmd).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    });
  };
  return (
    <footer className="cli-bar" role="region" aria-label={t('cli.label')}>
      <span className="cli-bar__label">{hover ? t('cli.hover') : last ? t('cli.last') : t('cli.label')}</span>
      {cmd ? (
        <>
          <code className="cli-bar__cmd" data-testid="cli-command">
            $ {cmd}
          </code>
          <button type="button" className="btn btn--small" onClick={copy}>
            {copied ? t('cli.copied') : t('cli.copy')}
          </button>
        </>
      ) : (
        <span className="cli-bar__idle">{t('cli.idle')}</span>
      )}
    </footer>
  );
}
