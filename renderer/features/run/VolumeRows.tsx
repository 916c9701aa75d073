import { useTranslation } from 'react-i18next';
import type { RunForm, VolumeRow } from '../../../vm-backend/api/rules/run-form';
import type { FieldProblems } from './field-errors';
import { FieldError, invalidProps } from './FieldError';
import { Term } from '../../components/Term';

/** -v rows: a named volume or a host folder, mounted at a container path, optionally read-only. */
export function VolumeRows({
  form,
  update,
  problems,
}: {
  form: RunForm;
  update(c: (f: RunForm) => RunForm): void;
  problems: FieldProblems;
}): React.JSX.Element {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<VolumeRow>): void =>
    update((f) => ({ ...f, volumes: f.volumes.map((v, j) => (j === i ? { ...v, ...patch } : v)) }));
  return (
    <fieldset className="run-section">
      <legend>
        {t('run.volumes.title')} <code>-v</code> <Term term="volume" compact />
      </legend>
      {form.volumes.map((v, i) => {
        const n = i + 1;
        return (
          <div className="run-row" key={i}>
            <label>
              {t('run.volumes.kind', { n })}
              <select value={v.kind} onChange={(e) => set(i, { kind: e.target.value === 'bind' ? 'bind' : 'volume' })}>
                <option value="volume">{t('run.volumes.named')}</option>
                <option value="bind">{t('run.volumes.bind')}</option>
              </select>
            </label>
            <label>
              {v.kind === 'bind' ? t('run.volumes.folder', { n }) : t('run.volumes.name', { n })}
              <input
                value={v.source}
                placeholder={v.kind === 'bind' ? '/home/me/site' : 'mydata'}
                onChange={(e) => set(i, { source: e.target.value.slice(0, 4096) })}
                {...invalidProps(problems, `volumes.${i}.source`)}
              />
            </label>
            <label>
              {t('run.volumes.target', { n })}
              <input
                value={v.target}
                placeholder="/data"
                onChange={(e) => set(i, { target: e.target.value.slice(0, 4096) })}
                {...invalidProps(problems, `volumes.${i}.target`)}
              />
            </label>
            <label className="check small">
              <input type="checkbox" checked={v.readOnly} onChange={(e) => set(i, { readOnly: e.target.checked })} />{' '}
              {t('run.volumes.readOnly')}
            </label>
            <button
              type="button"
              className="btn btn--small btn--danger"
              aria-label={t('run.volumes.remove', { n })}
              onClick={() => update((f) => ({ ...f, volumes: f.volumes.filter((_, j) => j !== i) }))}
            >
              ×
            </button>
            <FieldError problems={problems} field={`volumes.${i}.source`} />
            <FieldError problems={problems} field={`volumes.${i}.target`} />
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn--small"
        onClick={() =>
          update((f) => ({
            ...f,
            volumes: [...f.volumes, { kind: 'volume', source: '', target: '', readOnly: false }],
          }))
        }
      >
        {t('run.volumes.add')}
      </button>
    </fieldset>
  );
}
