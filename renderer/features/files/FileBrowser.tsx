import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileEntry, FileListing, FileOwner } from '../../../vm-backend/api/contract.files';
import { joinPath, parentOf } from '../../../vm-backend/api/rules/file-paths';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { cliHintProps } from '../../components/useCli';
import { errorShape } from '../../lib/error-shape';
import { formatBytes } from '../../lib/format';
import { cpInCli, cpOutCli, deletePath, download, type UploadHandle, upload } from './files-actions';
import {
  copyInFromPath,
  defaultSaveName,
  desktopPathOf,
  desktopSaveDialog,
  type HostCopy,
  saveToFolder,
} from './host-copy';
import { SaveToDialog } from './SaveToDialog';
import './files.css';

const MODE_CHARS = 'rwxrwxrwx';
export const modeText = (kind: FileEntry['kind'], mode: number): string =>
  (kind === 'dir' ? 'd' : kind === 'link' ? 'l' : '-') +
  [...MODE_CHARS].map((c, i) => (mode & (1 << (8 - i)) ? c : '-')).join('');

/** Browse one folder at a time of a container or volume: open folders, download, upload, delete. */
export function FileBrowser({
  owner,
  label,
  canDelete,
}: {
  owner: FileOwner;
  /** The container's (or volume's) name, for the `docker cp` commands. */
  label: string;
  /** A running container (exec) or a volume (a short-lived helper); the archive API cannot delete. */
  canDelete: boolean;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [path, setPath] = useState('/');
  const [listing, setListing] = useState<FileListing | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ name: string; sent: number; total: number } | null>(null);
  const uploadRef = useRef<UploadHandle | null>(null);
  /** A copy the backend makes (files:save, files:copy-in) while it runs. */
  const [copying, setCopying] = useState<{ kind: 'save' | 'in'; name: string; bytes: number; total?: number } | null>(
    null,
  );
  const copyRef = useRef<HostCopy | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveAsking, setSaveAsking] = useState<{ path: string; isDir: boolean } | null>(null);
  const saveDialog = desktopSaveDialog();
  /** One copy by the backend at a time per browser: its progress line and its Cancel are one. */
  const busySaving = Boolean(copying) && Boolean(saveDialog);
  const fileInput = useRef<HTMLInputElement>(null);
  const ownerKey = JSON.stringify(owner);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the owner is compared by value
  const load = useCallback(
    async (p: string): Promise<void> => {
      setError(null);
      try {
        const l = await getBridge().call('files:list', { owner, path: p });
        setListing(l);
        setPath(l.path);
      } catch (e) {
        setError(errorShape(e));
      }
    },
    [ownerKey],
  );
  useEffect(() => {
    setListing(null);
    void load('/');
  }, [load]);

  const follow = (kind: 'save' | 'in', name: string, h: HostCopy): void => {
    copyRef.current = h;
    setSaved(null);
    setCopying({ kind, name, bytes: 0 });
    void h.done.then(({ result, error: err }) => {
      copyRef.current = null;
      setCopying(null);
      if (err) setError(err);
      if (result?.state === 'done' && kind === 'save') setSaved(result.savedAs ?? null);
      if (kind === 'in') void load(path);
    });
  };
  const onCopyProgress =
    (kind: 'save' | 'in', name: string) =>
    (p: { bytes: number; total?: number; state: string }): void => {
      if (p.state === 'running')
        setCopying({ kind, name, bytes: p.bytes, ...(p.total !== undefined ? { total: p.total } : {}) });
    };
  const startSave = (item: string, target: { folder: string; name?: string; replace?: boolean }): void => {
    const name = target.name ?? defaultSaveName(item, false);
    follow('save', name, saveToFolder(getBridge(), owner, label, item, target, onCopyProgress('save', name)));
  };
  /** Download: the desktop app asks where (its save dialog) and the backend writes the file; web
   *  mode hands it to the browser's own download. */
  const downloadItem = async (item: string, isDir: boolean): Promise<void> => {
    if (!saveDialog) {
      const err = await download(getBridge(), owner, label, item);
      if (err) setError(err);
      return;
    }
    const where = await saveDialog(defaultSaveName(item, isDir));
    if (where) startSave(item, { ...where, replace: true });
  };
  const startUpload = (file: File): void => {
    const source = desktopPathOf(file);
    if (source) {
      follow('in', file.name, copyInFromPath(getBridge(), owner, label, path, source, onCopyProgress('in', file.name)));
      return;
    }
    setProgress({ name: file.name, sent: 0, total: file.size });
    const h = upload(getBridge(), owner, label, path, file, (sent, total) =>
      setProgress({ name: file.name, sent, total }),
    );
    uploadRef.current = h;
    void h.done.then((e) => {
      uploadRef.current = null;
      setProgress(null);
      if (e) setError(e);
      void load(path);
    });
  };
  const entries = [...(listing?.entries ?? [])].sort(
    (a, b) => Number(b.kind === 'dir') - Number(a.kind === 'dir') || a.name.localeCompare(b.name),
  );
  const crumbs = path.split('/').filter(Boolean);
  return (
    <div className="files" data-testid="file-browser">
      <div className="files__bar">
        <nav className="files__crumbs" aria-label={t('files.where')}>
          <button type="button" className="btn btn--small" onClick={() => void load('/')}>
            /
          </button>
          {crumbs.map((c, i) => (
            <button
              key={`${i}-${c}`}
              type="button"
              className="btn btn--small"
              onClick={() => void load(`/${crumbs.slice(0, i + 1).join('/')}`)}
            >
              {c}
            </button>
          ))}
        </nav>
        <button
          type="button"
          className="btn btn--small"
          disabled={path === '/'}
          onClick={() => void load(parentOf(path))}
        >
          {t('files.up')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => void load(path)}>
          {t('files.refresh')}
        </button>
        <button
          type="button"
          className="btn btn--small"
          disabled={Boolean(progress) || Boolean(copying)}
          onClick={() => fileInput.current?.click()}
          {...cliHintProps(cpInCli(owner, label, 'FILE', path))}
        >
          {t('files.upload')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label={t('files.uploadInput')}
          data-testid="file-upload-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) startUpload(f);
          }}
        />
        <button
          type="button"
          className="btn btn--small"
          disabled={busySaving}
          onClick={() => void downloadItem(path, true)}
          {...cliHintProps(cpOutCli(owner, label, path))}
        >
          {t('files.downloadFolder')}
        </button>
      </div>
      {copying && (
        <div className="files__progress" role="status" data-testid="copy-progress">
          <span>{t(copying.kind === 'save' ? 'files.saving' : 'files.copyingIn', { name: copying.name })}</span>
          {copying.total !== undefined ? <progress max={copying.total || 1} value={copying.bytes} /> : <progress />}
          <span>
            {formatBytes(copying.bytes)}
            {copying.total !== undefined ? ` / ${formatBytes(copying.total)}` : ''}
          </span>
          <button type="button" className="btn btn--small" onClick={() => copyRef.current?.cancel()}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {saved && (
        <div className="files__progress" role="status" data-testid="copy-saved">
          <span>{t('files.savedAs', { path: saved })}</span>
          <button type="button" className="btn btn--small" onClick={() => setSaved(null)}>
            {t('files.dismiss')}
          </button>
        </div>
      )}
      {progress && (
        <div className="files__progress" role="status" data-testid="upload-progress">
          <span>{t('files.uploading', { name: progress.name })}</span>
          <progress max={progress.total || 1} value={progress.sent} />
          <span>
            {formatBytes(progress.sent)} / {formatBytes(progress.total)}
          </span>
          <button type="button" className="btn btn--small" onClick={() => uploadRef.current?.cancel()}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      {!listing && !error && <p>{t('common.loading')}</p>}
      {listing && (
        <div className="files__table" role="table" aria-label={t('files.in', { path })}>
          <div className="files__row files__row--head" role="row">
            {(['name', 'size', 'modified', 'mode', 'actions'] as const).map((c) => (
              <span key={c} role="columnheader">
                {t(`files.col.${c}`)}
              </span>
            ))}
          </div>
          {entries.length === 0 && <p className="empty">{t('files.emptyFolder')}</p>}
          {entries.map((e) => {
            const full = joinPath(path, e.name);
            const shown = JSON.stringify(e.name).slice(1, -1);
            return (
              <div className="files__row" role="row" key={e.name} data-testid="file-row" data-name={e.name}>
                <span role="cell" title={e.linkTarget ? `${shown} -> ${e.linkTarget}` : shown}>
                  {e.kind === 'dir' ? (
                    <button type="button" className="linkish" onClick={() => void load(full)}>
                      {shown}/
                    </button>
                  ) : (
                    <>
                      {shown}
                      {e.linkTarget && <span className="muted"> → {e.linkTarget}</span>}
                    </>
                  )}
                </span>
                <span role="cell">{e.kind === 'file' ? formatBytes(e.size) : ''}</span>
                <span role="cell">{e.mtime ? new Date(e.mtime).toLocaleString(i18n.language) : ''}</span>
                <span role="cell">
                  <code>{modeText(e.kind, e.mode)}</code>
                </span>
                <span role="cell" className="files__actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={t('files.download', { name: shown })}
                    disabled={busySaving}
                    onClick={() => void downloadItem(full, e.kind === 'dir')}
                    {...cliHintProps(cpOutCli(owner, label, full))}
                  >
                    {t('files.downloadShort')}
                  </button>
                  {!saveDialog && (
                    <button
                      type="button"
                      className="btn btn--small"
                      aria-label={t('files.saveTo', { name: shown })}
                      disabled={Boolean(copying)}
                      onClick={() => setSaveAsking({ path: full, isDir: e.kind === 'dir' })}
                      {...cliHintProps(cpOutCli(owner, label, full, 'FOLDER'))}
                    >
                      {t('files.saveToShort')}
                    </button>
                  )}
                  {canDelete && (
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      aria-label={t('files.delete', { name: shown })}
                      onClick={() => setDeleting(full)}
                    >
                      {t('files.deleteShort')}
                    </button>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      )}
      {saveAsking && (
        <SaveToDialog
          name={defaultSaveName(saveAsking.path, saveAsking.isDir)}
          cli={(folder) => cpOutCli(owner, label, saveAsking.path, folder)}
          onClose={() => setSaveAsking(null)}
          onSave={(folder) => {
            const item = saveAsking.path;
            setSaveAsking(null);
            startSave(item, { folder, name: defaultSaveName(item, saveAsking.isDir) });
          }}
        />
      )}
      {deleting && (
        <Dialog
          title={t('files.deleteTitle', { path: deleting })}
          onClose={() => setDeleting(null)}
          footer={
            <>
              <button type="button" className="btn" data-close onClick={() => setDeleting(null)}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="btn btn--danger"
                onClick={() =>
                  void deletePath(getBridge(), owner, label, deleting).then((e) => {
                    setDeleting(null);
                    if (e) setError(e);
                    void load(path);
                  })
                }
              >
                {t('files.deleteConfirm')}
              </button>
            </>
          }
        >
          <p>{t(owner.kind === 'volume' ? 'files.deleteBodyVolume' : 'files.deleteBody')}</p>
        </Dialog>
      )}
    </div>
  );
}
