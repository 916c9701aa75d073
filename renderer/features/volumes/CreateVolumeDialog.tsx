import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumesCli } from '../../../vm-backend/api/rules/volumes-cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type CreateInput, createVolume, parsePairs } from './volume-actions';

/** Create a volume: name (empty: the engine picks one), driver, driver options and labels. */
export function CreateVolumeDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [opts, setOpts] = useState('');
  const [labels, setLabels] = useState('');
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const o = parsePairs(opts);
  const l = parsePairs(labels);
  const input: CreateInput = {
    ...(name.trim() ? { name: name.trim() } : {}),
    ...(driver.trim() && driver.trim() !== 'local' ? { driver: driver.trim() } : {}),
    ...(Object.keys(o.pairs).length ? { driverOpts: o.pairs } : {}),
    ...(Object.keys(l.pairs).length ? { labels: l.pairs } : {}),
  };
  const bad = [...o.bad, ...l.bad];
  const create = async (): Promise<void> => {
    const e = await createVolume(getBridge(), input);
    if (e) setError(e);
    else onClose();
  };
  return (
    <Dialog
      title={t('volumes.createTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn--primary" disabled={bad.length > 0} onClick={() => void create()}>
            {t('volumes.createConfirm')}
          </button>
        </>
      }
    >
      <div className="vol-form">
        <label>
          {t('volumes.form.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('volumes.form.namePlaceholder')}
          />
        </label>
        <label>
          {t('volumes.form.driver')}
          <input value={driver} onChange={(e) => setDriver(e.target.value)} />
        </label>
        <label>
          {t('volumes.form.opts')}
          <textarea value={opts} onChange={(e) => setOpts(e.target.value)} placeholder="type=tmpfs" />
        </label>
        <label>
          {t('volumes.form.labels')}
          <textarea value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="project=demo" />
        </label>
        {bad.length > 0 && <p className="field-error">{t('volumes.form.badPair', { line: bad[0] })}</p>}
      </div>
      {error && <ErrorNotice error={error} />}
      <code className="cli-inline">$ {volumesCli.create(input)}</code>
    </Dialog>
  );
}
