import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEnvBlock, type RunForm } from '../../../vm-backend/api/rules/run-form';
import type { FieldProblems } from './field-errors';
import { FieldError, invalidProps } from './FieldError';

/** -e KEY=value rows, plus a box that takes a whole .env block. */
export function EnvRows({
  form,
  update,
  problems,
}: {
  form: RunForm;
  update(c: (f: RunForm) => RunForm): void;
  problems: FieldProblems;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [block, setBlock] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<string[]>([]);
  const set = (i: number, patch: Partial<RunForm['env'][number]>): void =>
    update((f) => ({ ...f, env: f.env.map((e, j) => (j === i ? { ...e, ...patch } : e)) }));
  const addBlock = (): void => {
    const r = parseEnvBlock(block ?? '');
    update((f) => {
      const keep = f.env.filter((e) => e.key && !r.rows.some((x) => x.key === e.key));
      return { ...f, env: [...keep, ...r.rows] };
    });
    setSkipped(r.skipped);
    setBlock(null);
  };
  return (
    <fieldset className="run-section">
      <legend>
        {t('run.env.title')} <code>-e</code>
      </legend>
      {form.env.map((e, i) => (
        <div className="run-row" key={i}>
          <label>
            {t('run.env.key', { n: i + 1 })}
            <input
              value={e.key}
              onChange={(x) => set(i, { key: x.target.value.slice(0, 1024) })}
              {...invalidProps(problems, `env.${i}.key`)}
            />
          </label>
          <span aria-hidden="true">=</span>
          <label>
            {t('run.env.value', { n: i + 1 })}
            <input value={e.value} onChange={(x) => set(i, { value: x.target.value.slice(0, 32768) })} />
          </label>
          <button
            type="button"
            className="btn btn--small btn--danger"
            aria-label={t('run.env.remove', { n: i + 1 })}
            onClick={() => update((f) => ({ ...f, env: f.env.filter((_, j) => j !== i) }))}
          >
            ×
          </button>
          <FieldError problems={problems} field={`env.${i}.key`} />
        </div>
      ))}
      <div className="run-row">
        <button
          type="button"
          className="btn btn--small"
          onClick={() => update((f) => ({ ...f, env: [...f.env, { key: '', value: '' }] }))}
        >
          {t('run.env.add')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => setBlock(block === null ? '' : null)}>
          {t('run.env.pasteBlock')}
        </button>
      </div>
      {block !== null && (
        <div className="run-paste">
          <label>
            {t('run.env.blockLabel')}
            <textarea
              rows={4}
              value={block}
              placeholder={'DB_HOST=db\nDB_PORT=5432'}
              onChange={(e) => setBlock(e.target.value.slice(0, 100_000))}
            />
          </label>
          <button type="button" className="btn btn--small" onClick={addBlock}>
            {t('run.env.addBlock')}
          </button>
        </div>
      )}
      {skipped.length > 0 && <p className="run-warning">{t('run.env.skipped', { lines: skipped.join(' | ') })}</p>}
    </fieldset>
  );
}
