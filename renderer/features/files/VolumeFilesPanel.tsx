import { useTranslation } from 'react-i18next';
import { FileBrowser } from './FileBrowser';

/** A volume's files, read through a container that is created, never started, and removed. */
export function VolumeFilesPanel({
  volume,
  gone,
  onClose,
}: {
  volume: string;
  /** The volume was removed while open. */
  gone: boolean;
  onClose(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="vol-files" aria-label={t('files.volumeTitle', { name: volume })}>
      <div className="vol-files__head">
        <h3>{t('files.volumeTitle', { name: volume })}</h3>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <p className="muted">{t('files.volumeHow')}</p>
      {gone ? (
        <p role="alert">{t('files.volumeGone', { name: volume })}</p>
      ) : (
        <FileBrowser key={volume} owner={{ kind: 'volume', name: volume }} label={volume} canDelete />
      )}
    </section>
  );
}
