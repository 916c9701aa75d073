import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildRunCommand } from '../../../vm-backend/api/rules/run-cli';
import type { RunForm } from '../../../vm-backend/api/rules/run-form';

/** The exact command the form stands for, updated as the user types. */
export function CliPreview({ form }: { form: RunForm }): React.JSX.Element {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const cmd = buildRunCommand(form);
  const copy = (): void => {
    void navigator.clipboard?.writeText(cmd).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1200);
      },
      () => undefined,
    );
  };
  return (
    <div className="run-cli" role="region" aria-label={t('run.cliLabel')}>
      <code className="cli-inline" data-testid="run-cli">
        $ {cmd}
      </code>
      <button type="button" className="btn btn--small" onClick={copy}>
        {copied ? t('cli.copied') : t('run.copyCommand')}
      </button>
    </div>
  );
}
