import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A docker command to type in one's own terminal, with a Copy button. */
export function CopyCommand({ command, label }: { command: string; label: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    void navigator.clipboard?.writeText(command).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    });
  };
  return (
    <div className="learn-cli" role="group" aria-label={label}>
      <pre className="learn-cli__cmd" data-testid="learn-cli">
        {command
          .split('\n')
          .map((line) => `$ ${line}`)
          .join('\n')}
      </pre>
      <button type="button" className="btn btn--small" onClick={copy}>
        {copied ? t('learn.copied') : t('learn.copy')}
      </button>
    </div>
  );
}
