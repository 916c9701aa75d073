import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunForm } from '../../../vm-backend/api/rules/run-form';
import { type ParseProblem, parseDockerRun } from '../../../vm-backend/api/rules/run-parse';

/** Paste a `docker run` command from a tutorial: it fills the form; what it cannot set is listed. */
export function PasteCommand({ onFill }: { onFill(f: RunForm): void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<ParseProblem[]>([]);
  const fill = (): void => {
    const r = parseDockerRun(text);
    setProblems(r.problems);
    if (!r.problems.some((p) => p.code === 'notDockerRun' || p.code === 'unclosedQuote')) onFill(r.form);
  };
  return (
    <div className="run-paste" data-testid="paste-command">
      <label>
        {t('run.paste.label')}
        <textarea
          rows={2}
          value={text}
          placeholder="docker run -d -p 8080:80 --name web nginx"
          onChange={(e) => setText(e.target.value.slice(0, 20_000))}
        />
      </label>
      <button type="button" className="btn btn--small" onClick={fill} disabled={!text.trim()}>
        {t('run.paste.fill')}
      </button>
      {problems.length > 0 && (
        <ul className="run-parse-problems" aria-label={t('run.paste.problems')}>
          {problems.map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'run-field-error' : 'run-warning'} data-code={p.code}>
              {i18n.exists(`run.parse.${p.code}`) ? t(`run.parse.${p.code}`, { token: p.token }) : p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
