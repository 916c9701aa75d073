// The run dialog's limits (cgroups): a folded section of the five fields, each with its flag; the
// flags join the docker run command as they are typed.
import { useTranslation } from 'react-i18next';
import type { RunForm } from '../../../vm-backend/api/rules/run-form';
import { emptyLimits, LIMIT_FIELDS, type RunLimits } from '../../../vm-backend/api/rules/stats-limits';
import { FieldError } from '../run/FieldError';
import type { FieldProblems } from '../run/field-errors';
import { LimitFields } from './LimitFields';
import './stats.css';
import { Term } from '../../components/Term';

export function RunLimitsSection({
  form,
  update,
  problems,
}: {
  form: RunForm;
  update(change: (f: RunForm) => RunForm): void;
  /** The dialog's problems: its checks (validateRunForm) and the engine's refusal, by field. */
  problems: FieldProblems;
}): React.JSX.Element {
  const { t } = useTranslation();
  const value = form.limits ?? emptyLimits();
  const set = (v: RunLimits): void =>
    update((f) => {
      const { limits: _old, ...rest } = f;
      return LIMIT_FIELDS.some((k) => v[k] !== '') ? { ...rest, limits: v } : rest;
    });
  const engineOn = LIMIT_FIELDS.some((f) => problems[`limits.${f}`]);
  return (
    <details className="run-limits" open={form.limits !== undefined || engineOn}>
      <summary>{t('limits.runTitle')}</summary>
      <p className="small muted">
        {t('limits.kept')} <Term term="cgroup" compact />
      </p>
      <LimitFields
        value={value}
        onChange={set}
        problems={[]}
        idPrefix="run-limit"
        renderProblem={(f) => <FieldError problems={problems} field={`limits.${f}`} />}
      />
    </details>
  );
}
