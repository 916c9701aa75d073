import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumePrunePreview } from '../../../vm-backend/api/contract.volumes';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatBytes } from '../../lib/format';
import { loadPrunePreview, pruneCli, pruneVolumes } from './volume-actions';

/** Prune unused volumes, naming them and the space it frees first. */
export function PruneVolumesDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<VolumePrunePreview | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [done, setDone] = useState<{ count: number; bytes: number } | null>(null);
  useEffect(() => {
    void loadPrunePreview(getBridge()).then((r) => {
      if (r.preview) setPreview(r.preview);
      else setError(r.error ?? null);
    });
  }, []);
  const prune = async (): Promise<void> => {
    const r = await pruneVolumes(getBridge());
    if (r.error) setError(r.error);
    else if (r.done) setDone(r.done);
  };
  const count = preview?.volumes.length ?? 0;
  return (
    <Dialog
      title={t('volumes.pruneTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {done ? t('common.close') : t('common.cancel')}
          </button>
          {!done && (
            <button type="button" className="btn btn--danger" disabled={!count} onClick={() => void prune()}>
              {t('volumes.pruneConfirm')}
            </button>
          )}
        </>
      }
    >
      {!preview && !error && <p>{t('common.loading')}</p>}
      {preview && !done && (
        <>
          <p data-testid="volume-prune-preview">
            {count ? t('volumes.pruneBody', { count, size: formatBytes(preview.bytes) }) : t('volumes.pruneNothing')}
          </p>
          {count > 0 && <p className="muted">{preview.volumes.map((v) => v.name).join(', ')}</p>}
        </>
      )}
      {done && <p role="status">{t('volumes.pruned', { count: done.count, size: formatBytes(done.bytes) })}</p>}
      {error && <ErrorNotice error={error} />}
      <code className="cli-inline">$ {pruneCli()}</code>
    </Dialog>
  );
}
