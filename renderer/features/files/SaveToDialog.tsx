// "Save to a folder on this computer": web mode's `docker cp CONTAINER:PATH FOLDER`, the folder
// typed with completion (the backend runs on this machine: web mode listens on loopback only). The
// last folder used is remembered in this browser.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { PathField } from '../../components/PathField';

const LAST_FOLDER = 'wharf.files.saveFolder';

export function lastSaveFolder(): string {
  try {
    return globalThis.localStorage?.getItem(LAST_FOLDER) || '~/';
  } catch {
    return '~/';
  }
}

export function SaveToDialog({
  name,
  cli,
  onSave,
  onClose,
}: {
  /** What is saved (shown). */
  name: string;
  /** The docker cp command for a folder. */
  cli(folder: string): string;
  onSave(folder: string): void;
  onClose(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(lastSaveFolder);
  const save = (): void => {
    const f = folder.trim();
    if (!f) return;
    try {
      globalThis.localStorage?.setItem(LAST_FOLDER, f);
    } catch {
      // A browser that keeps nothing still saves.
    }
    onSave(f);
  };
  return (
    <Dialog
      title={t('files.saveTitle', { name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn--primary" disabled={!folder.trim()} onClick={save}>
            {t('files.saveConfirm')}
          </button>
        </>
      }
    >
      <p>{t('files.saveBody')}</p>
      <PathField label={t('files.saveFolder')} value={folder} onChange={setFolder} dirsOnly />
      <p className="muted">{t('files.saveCommand')}</p>
      <p className="files__save-cli">
        <code data-testid="save-cli">{cli(folder.trim() || '.')}</code>
      </p>
    </Dialog>
  );
}
