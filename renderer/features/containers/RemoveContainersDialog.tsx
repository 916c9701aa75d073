import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import type { ContainerRow } from '../../../vm-backend/api/types';
import { Dialog } from '../../components/Dialog';

interface Props {
  rows: ContainerRow[];
  onCancel(): void;
  onConfirm(o: { force: boolean; volumes: boolean }): void;
}

/** Remove asks first, offers force and "also remove anonymous volumes", and shows the command. */
export function RemoveContainersDialog({ rows, onCancel, onConfirm }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [force, setForce] = useState(
    rows.some((r) => r.state === 'running' || r.state === 'paused' || r.state === 'restarting'),
  );
  const [volumes, setVolumes] = useState(false);
  const names = rows.map((r) => r.name);
  return (
    <Dialog
      title={t('remove.title', { count: rows.length, names: names.join(', ') })}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn--danger" onClick={() => onConfirm({ force, volumes })}>
            {t('remove.confirm')}
          </button>
        </>
      }
    >
      <p>{t('remove.body')}</p>
      <label className="check">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> {t('remove.force')}
      </label>
      <label className="check">
        <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} /> {t('remove.volumes')}
      </label>
      <code className="cli-inline" data-testid="dialog-cli">
        $ {dockerCli.containerRemove(names, { force, volumes })}
      </code>
    </Dialog>
  );
}
