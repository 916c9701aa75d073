// The files:* calls, on the scope's engine.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import { normalisePath } from '../../api/rules/file-paths';
import type { ScopeContext } from '../scope-context';
import { deleteFile, diffContainer, listFiles, statFile } from './file-calls';
import { WharfError } from '../../api/errors';
import { saveToHost } from './file-save';
import { issueTicket } from './file-tickets';

export type FileCall = Extract<CallName, `files:${string}`>;

export function fileHandlers({ session }: ScopeContext): HandlerMap<FileCall> {
  /** Running saves by window and copy id; a window that goes away cancels its own. */
  const copies = new Map<string, AbortController>();
  return {
    'files:list': ({ owner, path }) => listFiles(session, owner, path),
    'files:stat': ({ owner, path }) => statFile(session, owner, path),
    'files:diff': ({ id }) => diffContainer(session, id),
    'files:delete': ({ owner, path }) => deleteFile(session, owner, path),
    'files:download-ticket': ({ owner, path }) =>
      issueTicket(session, { op: 'download', owner, path: normalisePath(path) }),
    'files:upload-ticket': ({ owner, dir }) => issueTicket(session, { op: 'upload', owner, dir: normalisePath(dir) }),
    'files:save': async (input, client) => {
      const key = `${client?.id ?? ''}/${input.copy}`;
      if (copies.has(key))
        throw new WharfError({
          code: 'INVALID_INPUT',
          message: 'This copy is already running.',
          hint: 'Wait for it to end, or cancel it.',
          detail: input.copy,
        });
      const abort = new AbortController();
      copies.set(key, abort);
      const off = client?.onClose(() => abort.abort());
      try {
        return await saveToHost(session, input, abort.signal, (p) => client?.send('files:copy-progress', p));
      } finally {
        copies.delete(key);
        off?.();
      }
    },
    'files:copy-cancel': ({ copy }, client) => {
      copies.get(`${client?.id ?? ''}/${copy}`)?.abort();
      return null;
    },
  };
}
