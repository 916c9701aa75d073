import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { removeImage, shownRef } from './image-actions';
import type { ImageItem } from './image-items';

/** Asks, removes; an in-use conflict is explained and force offered only where the engine allows it. */
export function RemoveImageDialog({ item, onClose }: { item: ImageItem; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [working, setWorking] = useState(false);
  const shown = shownRef(item);
  const remove = async (force: boolean): Promise<void> => {
    setWorking(true);
    const refused = await removeImage(getBridge(), item, force);
    setWorking(false);
    if (refused) setError(refused);
    else onClose();
  };
  return (
    <Dialog
      title={t('images.removeTitle', { ref: shown })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t('common.cancel')}
          </button>
          {error?.forceable ? (
            <button type="button" className="btn btn--danger" disabled={working} onClick={() => void remove(true)}>
              {t('images.forceConfirm')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--danger"
              disabled={working || !!error}
              onClick={() => void remove(false)}
            >
              {t('images.removeConfirm')}
            </button>
          )}
        </>
      }
    >
      <p>{t('images.removeBody')}</p>
      {error && <ErrorNotice error={error} />}
      <code className="cli-inline" data-testid="dialog-cli">
        $ {dockerCli.imageRemove(shown, !!error?.forceable)}
      </code>
    </Dialog>
  );
}
