// The files:* calls, on the scope's engine.
import type { ClientLink } from '../../api/client-link';
import type { CallName } from '../../api/contract';
import type { CopyProgress } from '../../api/contract.files';
import type { HandlerMap } from '../../api/handler';
import { normalisePath } from '../../api/rules/file-paths';
import type { ScopeContext } from '../scope-context';
import { deleteFile, diffContainer, listFiles, statFile } from './file-calls';
import { WharfError } from '../../api/errors';
import { copyInFromHost } from './file-copy-in';
import { saveToHost } from './file-save';
import { issueTicket } from './file-tickets';

export type FileCall = Extract<CallName, `files:${string}`>;

export function fileHandlers({ session }: ScopeContext): HandlerMap<FileCall> {
  /** Running copies by window and copy id; a window that goes away cancels its own. */
  const copies = new Map<string, AbortController>();
  const tracked = async (
    client: ClientLink | undefined,
    copy: string,
    run: (signal: AbortSignal, report: (p: CopyProgress) => void) => Promise<CopyProgress>,
  ): Promise<CopyProgress> => {
    const key = `${client?.id ?? ''}/${copy}`;
    if (copies.has(key))
      throw new WharfError({
        code: 'INVALID_INPUT',
        message: 'This copy is already running.',
        hint: 'Wait for it to end, or cancel it.',
        detail: copy,
      });
    const abort = new AbortController();
    copies.set(key, abort);
    const off = client?.onClose(() => abort.abort());
    try {
      return await run(abort.signal, (p) => client?.send('files:copy-progress', p));
    } finally {
      copies.delete(key);
      off?.();
    }
  };
  return {
    'files:list': ({ owner, path }) => listFiles(session, owner, path),
    'files:stat': ({ owner, path }) => statFile(session, owner, path),
    'files:diff': ({ id }) => diffContainer(session, id),
    'files:delete': ({ owner, path }) => deleteFile(session, owner, path),
    'files:download-ticket': ({ owner, path }) =>
      issueTicket(session, { op: 'download', owner, path: normalisePath(path) }),
    'files:upload-ticket': ({ owner, dir }) => issueTicket(session, { op: 'upload', owner, dir: normalisePath(dir) }),
    'files:save': (input, client) =>
      tracked(client, input.copy, (signal, report) => saveToHost(session, input, signal, report)),
    'files:copy-in': (input, client) =>
      tracked(client, input.copy, (signal, report) => copyInFromHost(session, input, signal, report)),
    'files:copy-cancel': ({ copy }, client) => {
      copies.get(`${client?.id ?? ''}/${copy}`)?.abort();
      return null;
    },
  };
}
