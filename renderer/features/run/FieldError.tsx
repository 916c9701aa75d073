import { useTranslation } from 'react-i18next';
import type { FieldProblem, FieldProblems } from './field-errors';

/** The words for one problem: run.err.<code>, the engine's errors.<CODE>, else the English. */
function useProblemText(): (p: FieldProblem) => string {
  const { t, i18n } = useTranslation();
  return (p) => {
    if (p.code.startsWith('engine.')) {
      const key = `errors.${p.code.slice(7)}.message`;
      return i18n.exists(key) ? t(key, p.params) : p.message;
    }
    const key = `run.err.${p.code}`;
    return i18n.exists(key) ? t(key, p.params) : p.message;
  };
}

const errId = (field: string): string => `run-err-${field.replace(/\./g, '-')}`;

/** Shown right under the field it concerns; the field points at it with aria-describedby. */
export function FieldError({ problems, field }: { problems: FieldProblems; field: string }): React.JSX.Element | null {
  const text = useProblemText();
  const p = problems[field];
  if (!p) return null;
  return (
    <p className="run-field-error" id={errId(field)} data-field={field} data-code={p.code}>
      {text(p)}
      {p.detail && <span className="run-field-error__detail"> ({p.detail})</span>}
    </p>
  );
}

/** Props that mark an input invalid and tie it to its error. */
export function invalidProps(
  problems: FieldProblems,
  field: string,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return problems[field] ? { 'aria-invalid': true, 'aria-describedby': errId(field) } : {};
}
