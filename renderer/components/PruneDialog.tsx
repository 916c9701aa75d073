// The "remove unused ..." question every list with a prune shares (images, volumes): what would go
// and the space it frees, asked from the engine first; then the answer, or the engine's error.
// The texts are `<ns>.pruneTitle`, `pruneConfirm`, `pruneBody`, `pruneNothing` and `pruned`.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorShape } from '../../vm-backend/api/types';
import { formatBytes } from '../lib/format';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';

export interface PruneDialogProps<P> {
  /** The catalog namespace of the texts (`images`, `volumes`). */
  ns: string;
  load(): Promise<{ preview?: P; error?: WharfErrorShape }>;
  prune(): Promise<{ done?: { count: number; bytes: number }; error?: WharfErrorShape }>;
  /** How many would go, and how many bytes that frees. */
  measure(preview: P): { count: number; bytes: number };
  /** The names that would go, listed under the count (optional). */
  names?(preview: P): string[];
  /** The `docker ... prune` command it stands for. */
  cli: string;
  testId: string;
  onClose(): void;
}

export function PruneDialog<P>(props: PruneDialogProps<P>): React.JSX.Element {
  const { t } = useTranslation();
  const { ns, load, onClose } = props;
  const [preview, setPreview] = useState<P | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [done, setDone] = useState<{ count: number; bytes: number } | null>(null);
  useEffect(() => {
    void load().then((r) => {
      if (r.preview) setPreview(r.preview);
      else setError(r.error ?? null);
    });
  }, [load]);
  const prune = async (): Promise<void> => {
    const r = await props.prune();
    if (r.error) setError(r.error);
    else if (r.done) setDone(r.done);
  };
  const { count, bytes } = preview ? props.measure(preview) : { count: 0, bytes: 0 };
  const names = preview && props.names ? props.names(preview) : [];
  return (
    <Dialog
      title={t(`${ns}.pruneTitle`)}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {done ? t('common.close') : t('common.cancel')}
          </button>
          {!done && (
            <button type="button" className="btn btn--danger" disabled={!count} onClick={() => void prune()}>
              {t(`${ns}.pruneConfirm`)}
            </button>
          )}
        </>
      }
    >
      {!preview && !error && <p>{t('common.loading')}</p>}
      {preview && !done && (
        <>
          <p data-testid={props.testId}>
            {count ? t(`${ns}.pruneBody`, { count, size: formatBytes(bytes) }) : t(`${ns}.pruneNothing`)}
          </p>
          {count > 0 && names.length > 0 && <p className="muted">{names.join(', ')}</p>}
        </>
      )}
      {done && <p role="status">{t(`${ns}.pruned`, { count: done.count, size: formatBytes(done.bytes) })}</p>}
      {error && <ErrorNotice error={error} />}
      <code className="cli-inline">$ {props.cli}</code>
    </Dialog>
  );
}
