// The five limit fields, each labelled with its docker flag: shared by the run dialog and the
// Stats tab's docker update form.
import { useTranslation } from 'react-i18next';
import {
  LIMIT_FIELDS,
  LIMIT_FLAGS,
  type LimitField,
  type LimitProblem,
  type RunLimits,
} from '../../../vm-backend/api/rules/stats-limits';

export function LimitFields({
  value,
  onChange,
  problems,
  idPrefix,
  renderProblem,
}: {
  value: RunLimits;
  onChange(v: RunLimits): void;
  problems: readonly LimitProblem[];
  idPrefix: string;
  /** Shows a field's problem instead (the run dialog's own field errors, engine refusals too). */
  renderProblem?: (field: LimitField) => React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  const problemOf = (f: LimitField): LimitProblem | undefined => problems.find((p) => p.field === f);
  return (
    <div className="limit-fields">
      {LIMIT_FIELDS.map((f) => {
        const p = problemOf(f);
        const id = `${idPrefix}-${f}`;
        return (
          <div key={f} className="limit-fields__row">
            <label htmlFor={id}>
              {t(`limits.${f}`)} <code>{LIMIT_FLAGS[f]}</code>
            </label>
            <input
              id={id}
              value={value[f]}
              placeholder={t(`limits.placeholder.${f}`)}
              aria-invalid={p ? true : undefined}
              aria-describedby={p ? `${id}-problem` : undefined}
              onChange={(e) => onChange({ ...value, [f]: e.target.value })}
            />
            {renderProblem?.(f)}
            {p && (
              <span id={`${id}-problem`} className="field-error" role="alert">
                {t(`limits.problem.${p.key}`, p.params ?? {})}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
