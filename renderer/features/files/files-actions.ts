// What a click in a file browser does. Downloads and uploads go over web mode's HTTP server with a
// one-use ticket (vm-backend/server/file-transfer.ts); each shows the `docker cp` it stands for.
import type { FileOwner } from '../../../vm-backend/api/contract.files';

import { volumesCli } from '../../../vm-backend/api/rules/volumes-cli';
import { shellQuote } from '../../../vm-backend/api/rules/cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { runAction } from '../../components/run-action';
import { errorShape } from '../../lib/error-shape';
import { useStore } from '../../store/store';

/** For a volume, `docker cp` needs a container: the same helper Wharf makes, spelled out. */
const viaHelper = (volume: string, cp: string): string =>
  `docker container create --name wharf-cp -v ${shellQuote(`${volume}:/v`)} busybox && ${cp} && docker rm wharf-cp`;

export function cpOutCli(owner: FileOwner, label: string, path: string, dest = '.'): string {
  if (owner.kind === 'container') return volumesCli.cpOut(label, path, dest);
  return viaHelper(owner.name, volumesCli.cpOut('wharf-cp', `/v${path === '/' ? '' : path}`, dest));
}

export function cpInCli(owner: FileOwner, label: string, file: string, dir: string): string {
  if (owner.kind === 'container') return volumesCli.cpIn(file, label, dir);
  return viaHelper(owner.name, volumesCli.cpIn(file, 'wharf-cp', `/v${dir === '/' ? '' : dir}`));
}

/** Starts the browser's own download (its progress, its cancel) of a file, or a folder as .tar. */
export async function download(
  bridge: Bridge,
  owner: FileOwner,
  label: string,
  path: string,
): Promise<WharfErrorShape | null> {
  const r = await runAction(cpOutCli(owner, label, path), () => bridge.call('files:download-ticket', { owner, path }));
  if (r.error || !r.value) return r.error ?? null;
  const a = document.createElement('a');
  a.href = r.value.url;
  a.download = '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return null;
}

export interface UploadHandle {
  done: Promise<WharfErrorShape | null>;
  cancel(): void;
}

/** Uploads one file into `dir`, streamed (XHR: upload progress, abort). */
export function upload(
  bridge: Bridge,
  owner: FileOwner,
  label: string,
  dir: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): UploadHandle {
  let xhr: XMLHttpRequest | null = null;
  let cancelled = false;
  useStore.getState().ranCli(cpInCli(owner, label, file.name, dir));
  const done = (async (): Promise<WharfErrorShape | null> => {
    let ticket: { url: string };
    try {
      ticket = await bridge.call('files:upload-ticket', { owner, dir });
    } catch (e) {
      return errorShape(e);
    }
    if (cancelled) return null;
    return new Promise((resolve) => {
      const x = new XMLHttpRequest();
      xhr = x;
      x.open('PUT', `${ticket.url}&name=${encodeURIComponent(file.name)}`);
      x.upload.onprogress = (e) => onProgress(e.loaded, e.total || file.size);
      x.onload = () => {
        if (x.status === 200) return resolve(null);
        try {
          const body = JSON.parse(x.responseText) as { error?: WharfErrorShape };
          resolve(body.error ?? errorShape(new Error(`HTTP ${x.status}`)));
        } catch {
          resolve(errorShape(new Error(`HTTP ${x.status}`)));
        }
      };
      x.onerror = () => resolve(errorShape(new Error('the upload failed')));
      x.onabort = () => resolve(null);
      x.send(file);
    });
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      xhr?.abort();
    },
  };
}

export async function deletePath(
  bridge: Bridge,
  owner: FileOwner,
  label: string,
  path: string,
): Promise<WharfErrorShape | null> {
  const cli = owner.kind === 'volume' ? volumesCli.rmInVolume(label, path) : volumesCli.rmInContainer(label, path);
  const r = await runAction(cli, () => bridge.call('files:delete', { owner, path }));
  return r.error ?? null;
}
