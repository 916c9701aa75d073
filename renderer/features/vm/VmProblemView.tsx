import { useTranslation } from 'react-i18next';
import type { VmProblem } from '../../../vm-backend/api/vm-types';
import { problemText } from './vm-text';

/** A VM problem or warning: translated message and way out; the backend's own words on demand. */
export function VmProblemView({
  problem,
  kind,
  testId,
}: {
  problem: VmProblem;
  kind: 'warn' | 'error';
  testId: string;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const p = problemText(t, (k) => i18n.exists(k), problem);
  const detail = [p.known ? problem.message : '', problem.detail ?? ''].filter(Boolean).join('\n');
  return (
    <div
      className={kind === 'error' ? 'error-notice' : 'banner banner--warn'}
      role="alert"
      data-testid={testId}
      data-code={problem.code}
    >
      <p className="error-notice__message">
        <strong>{p.message}</strong>
      </p>
      <p className="error-notice__hint">{p.hint}</p>
      {detail && (
        <details className="error-notice__detail">
          <summary>{t('common.details')}</summary>
          <pre>{detail}</pre>
        </details>
      )}
    </div>
  );
}
