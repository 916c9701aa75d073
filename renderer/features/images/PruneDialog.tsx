import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import type { PrunePreview, WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatBytes } from '../../lib/format';
import { loadPrunePreview, pruneImages } from './image-actions';

/** Prune dangling images, saying first how many and how much space it frees. */
export function PruneDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<PrunePreview | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [done, setDone] = useState<{ count: number; bytes: number } | null>(null);
  useEffect(() => {
    void loadPrunePreview(getBridge()).then((r) => {
      if (r.preview) setPreview(r.preview);
      else setError(r.error ?? null);
    });
  }, []);
  const prune = async (): Promise<void> => {
    const r = await pruneImages(getBridge());
    if (r.error) setError(r.error);
    else if (r.done) setDone(r.done);
  };
  const count = preview?.images.length ?? 0;
  return (
    <Dialog
      title={t('images.pruneTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {done ? t('common.close') : t('common.cancel')}
          </button>
          {!done && (
            <button type="button" className="btn btn--danger" disabled={!count} onClick={() => void prune()}>
              {t('images.pruneConfirm')}
            </button>
          )}
        </>
      }
    >
      {!preview && !error && <p>{t('common.loading')}</p>}
      {preview && !done && (
        <p data-testid="prune-preview">
          {count ? t('images.pruneBody', { count, size: formatBytes(preview.bytes) }) : t('images.pruneNothing')}
        </p>
      )}
      {done && <p role="status">{t('images.pruned', { count: done.count, size: formatBytes(done.bytes) })}</p>}
      {error && <ErrorNotice error={error} />}
      <code className="cli-inline">$ {dockerCli.imagePrune()}</code>
    </Dialog>
  );
}
