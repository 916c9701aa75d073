import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonId } from '../../../vm-backend/api/rules/learn-names';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { StepStatus } from './advance';
import { CopyCommand } from './CopyCommand';
import { withContext } from './docker-context';
import { isGlossaryTerm } from './glossary';
import type { LearnState, LessonContext, Step } from './lesson-model';
import { type ActionOutcome, runStepAction } from './learn-actions';
import { Term } from './Term';

interface Props {
  lesson: LessonId;
  step: Step;
  index: number;
  status: StepStatus;
  state: LearnState | null;
  ctx: LessonContext;
  dockerContext: string | null;
}

const MARK = { done: '✓', active: '●', waiting: '○' } as const;

export function StepCard({ lesson, step, index, status, state, ctx, dockerContext }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `learn.lessons.${lesson}.steps.${step.id}`;
  const action = state && step.action ? step.action(ctx, state) : null;
  const cli = withContext(step.cli(ctx), dockerContext);
  const act = async (): Promise<void> => {
    if (!action) return;
    setBusy(true);
    setOutcome(await runStepAction(lesson, action));
    setBusy(false);
  };
  // Where the engine runs, for the VM lesson's text ("…" until the targets list is read).
  const engine = state?.engine ? t(`learn.engineKind.${state.engine}`) : '…';
  const params = { image: ctx.image, port: ctx.port, engine };
  return (
    <li
      className={`learn-step learn-step--${status.state}`}
      data-testid={`learn-step-${step.id}`}
      data-state={status.state}
      aria-current={status.state === 'active' ? 'step' : undefined}
    >
      <div className="learn-step__head">
        <span className="learn-step__mark" aria-hidden="true">
          {MARK[status.state]}
        </span>
        <h3>
          {index + 1}. {t(`${base}.title`, params)}
        </h3>
        <span className="learn-step__state" data-testid="learn-step-state">
          {t(`learn.state.${status.state}`)}
        </span>
      </div>
      <p>{t(`${base}.text`, params)}</p>
      <p className="learn-step__terms small">
        {step.terms.filter(isGlossaryTerm).map((term) => (
          <Term key={term} term={term} />
        ))}
      </p>
      <div className="learn-step__do">
        <span className="small muted">{t('learn.inTerminal')}</span>
        <CopyCommand command={cli} label={t('learn.commandOf', { step: index + 1 })} />
        {action && status.state === 'active' && (
          <button type="button" className="btn" disabled={busy} onClick={() => void act()} data-cli={cli}>
            {t(`learn.action.${action.kind}`)}
          </button>
        )}
      </div>
      {status.hint && (
        <p className="learn-step__hint" role="status" data-testid="learn-hint" data-hint={status.hint.key}>
          {t(`learn.hint.${status.hint.key}`, status.hint.params)}
        </p>
      )}
      {outcome?.removed && (
        <p className="small" role="status" data-testid="learn-removed">
          {outcome.removed.length
            ? t('learn.removed', { list: outcome.removed.join(', ') })
            : t('learn.removedNothing')}
        </p>
      )}
      {outcome?.error && <ErrorNotice error={outcome.error} />}
    </li>
  );
}
