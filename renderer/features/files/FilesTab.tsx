import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileChange } from '../../../vm-backend/api/contract.files';
import { volumesCli } from '../../../vm-backend/api/rules/volumes-cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { runAction } from '../../components/run-action';
import { FileBrowser } from './FileBrowser';

/** The details panel's Files tab: the container's filesystem (running or stopped) and `docker diff`. */
export function FilesTab({ id, name, running }: { id: string; name: string; running: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const [changes, setChanges] = useState<FileChange[] | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const showDiff = async (): Promise<void> => {
    const r = await runAction(volumesCli.diff(name), () => getBridge().call('files:diff', { id }));
    if (r.error) setError(r.error);
    else setChanges(r.value ?? []);
  };
  return (
    <div role="tabpanel" className="files-tab">
      <FileBrowser owner={{ kind: 'container', id }} label={name} canDelete={running} />
      <div className="files__bar">
        <button type="button" className="btn btn--small" onClick={() => void showDiff()}>
          {t('files.changes')}
        </button>
        <code className="cli-inline">$ {volumesCli.diff(name)}</code>
      </div>
      {error && <ErrorNotice error={error} />}
      {changes && (
        <ul className="files__changes" data-testid="file-changes">
          {changes.length === 0 && <li>{t('files.noChanges')}</li>}
          {changes.map((c) => (
            <li key={c.path} data-kind={c.kind}>
              {t(`files.kind.${c.kind}`)} {c.path}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
