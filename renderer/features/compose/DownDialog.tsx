import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeProject } from '../../../vm-backend/api/contract.compose';
import { composeCommandText } from '../../../vm-backend/api/rules/compose-args';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { useCompose } from './compose-store';

/** Asks before `down`, naming the containers that go and, with "also remove volumes", the volumes. */
export function DownDialog(props: {
  project: ComposeProject;
  containers: string[];
  prefix: string[];
  onClose(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { project: p } = props;
  const [volumes, setVolumes] = useState(false);
  const cmd = composeCommandText(props.prefix, p, 'down', { removeVolumes: volumes });
  const confirm = (): void => {
    props.onClose();
    void useCompose.getState().act(getBridge(), { project: p.name, action: 'down', removeVolumes: volumes }, cmd);
  };
  return (
    <Dialog
      title={t('compose.downTitle', { project: p.name })}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={props.onClose}>
            {t('compose.cancel')}
          </button>
          <button type="button" className="btn btn--danger" onClick={confirm}>
            {t('compose.downConfirm')}
          </button>
        </>
      }
    >
      <p>{t('compose.downBody', { project: p.name, containers: props.containers.join(', ') || '—' })}</p>
      <label className="compose-check">
        <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} />
        {t('compose.downVolumes')}
      </label>
      {volumes && (
        <p className="compose-warn" role="note">
          {p.volumes?.length
            ? t('compose.downVolumesLost', { volumes: p.volumes.join(', ') })
            : t('compose.downVolumesNone')}
        </p>
      )}
      <code className="cli-inline" data-testid="dialog-cli">
        $ {cmd}
      </code>
    </Dialog>
  );
}
