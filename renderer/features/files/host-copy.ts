// The copies the backend makes itself: files:save (into a folder of this machine: the desktop app's
// Download, web mode's "Save to…") and files:copy-in (a file of this machine into the container:
// the desktop app's Upload). Each has an id of this window; its progress arrives as
// 'files:copy-progress' and a cancel names it.
import type { CopyProgress, FileOwner } from '../../../vm-backend/api/contract.files';
import type { SavePath } from '../../../vm-backend/api/preload-api';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { errorShape } from '../../lib/error-shape';
import { useStore } from '../../store/store';
import { cpInCli, cpOutCli } from './files-actions';

export interface HostCopy {
  copy: string;
  /** The last progress (state done or cancelled), or the error. */
  done: Promise<{ result: CopyProgress | null; error: WharfErrorShape | null }>;
  cancel(): void;
}

export function newCopyId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `copy-${[...bytes].map((b) => (b % 36).toString(36)).join('')}`;
}

function hostCopy(
  bridge: Bridge,
  cli: string,
  run: (copy: string) => Promise<CopyProgress>,
  onProgress: (p: CopyProgress) => void,
): HostCopy {
  const copy = newCopyId();
  useStore.getState().ranCli(cli);
  const off = bridge.on('files:copy-progress', (p) => {
    if (p.copy === copy) onProgress(p);
  });
  const done = run(copy)
    .then(
      (result) => ({ result, error: null }),
      (e: unknown) => ({ result: null, error: errorShape(e) }),
    )
    .finally(off);
  return { copy, done, cancel: () => void bridge.call('files:copy-cancel', { copy }).catch(() => {}) };
}

/** `docker cp CONTAINER:PATH FOLDER`, by the backend. `name`/`replace`: a save dialog's answer. */
export function saveToFolder(
  bridge: Bridge,
  owner: FileOwner,
  label: string,
  path: string,
  target: { folder: string; name?: string; replace?: boolean },
  onProgress: (p: CopyProgress) => void,
): HostCopy {
  const dest = target.name ? `${target.folder.replace(/[\\/]+$/, '')}/${target.name}` : target.folder;
  return hostCopy(
    bridge,
    cpOutCli(owner, label, path, dest),
    (copy) =>
      bridge.call('files:save', {
        owner,
        path,
        copy,
        folder: target.folder,
        ...(target.name ? { name: target.name } : {}),
        replace: target.replace === true,
      }),
    onProgress,
  );
}

/** `docker cp FILE CONTAINER:DIR`, by the backend, from a path on this machine. */
export function copyInFromPath(
  bridge: Bridge,
  owner: FileOwner,
  label: string,
  dir: string,
  source: string,
  onProgress: (p: CopyProgress) => void,
): HostCopy {
  return hostCopy(
    bridge,
    cpInCli(owner, label, source, dir),
    (copy) => bridge.call('files:copy-in', { owner, dir, copy, source }),
    onProgress,
  );
}

/** The desktop app's save dialog, when there is one (web mode: undefined). */
export function desktopSaveDialog(): ((defaultName: string) => Promise<SavePath | null>) | undefined {
  const api = globalThis.window?.wharf;
  return typeof api?.chooseSavePath === 'function' ? (name) => api.chooseSavePath(name) : undefined;
}

/** Where on disk a picked file is, in the desktop app ('' in web mode or when it has none). */
export function desktopPathOf(file: File): string {
  const api = globalThis.window?.wharf;
  if (typeof api?.pathForFile !== 'function') return '';
  try {
    return api.pathForFile(file) || '';
  } catch {
    return '';
  }
}

/** The name a download is saved under first: the item's own, a folder's with .tar. */
export const defaultSaveName = (path: string, isDir: boolean): string => {
  const base = path.slice(path.lastIndexOf('/') + 1) || 'root';
  return isDir ? `${base}.tar` : base;
};
