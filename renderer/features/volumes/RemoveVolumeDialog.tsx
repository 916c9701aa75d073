import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeRow } from '../../../vm-backend/api/contract.volumes';
import { volumesCli } from '../../../vm-backend/api/rules/volumes-cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { removeVolume } from './volume-actions';

/** Remove a volume: one in use names its containers and offers nothing that would break them. */
export function RemoveVolumeDialog({ volume, onClose }: { volume: VolumeRow; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const inUse = volume.users.length > 0;
  const remove = async (): Promise<void> => {
    const e = await removeVolume(getBridge(), volume.name);
    if (e) setError(e);
    else onClose();
  };
  return (
    <Dialog
      title={t('volumes.removeTitle', { name: volume.name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t('common.cancel')}
          </button>
          {!inUse && (
            <button type="button" className="btn btn--danger" onClick={() => void remove()}>
              {t('volumes.removeConfirm')}
            </button>
          )}
        </>
      }
    >
      {inUse ? (
        <p data-testid="volume-in-use">
          {t('volumes.inUseBody', { names: volume.users.map((u) => u.name).join(', ') })}
        </p>
      ) : (
        <p>{t('volumes.removeBody')}</p>
      )}
      {error && <ErrorNotice error={error} />}
      <code className="cli-inline">$ {volumesCli.remove(volume.name)}</code>
    </Dialog>
  );
}
