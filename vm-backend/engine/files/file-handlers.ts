// The files:* calls, on the scope's engine.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import { normalisePath } from '../../api/rules/file-paths';
import type { ScopeContext } from '../scope-context';
import { deleteFile, diffContainer, listFiles, statFile } from './file-calls';
import { issueTicket } from './file-tickets';

export type FileCall = Extract<CallName, `files:${string}`>;

export function fileHandlers({ session }: ScopeContext): HandlerMap<FileCall> {
  return {
    'files:list': ({ owner, path }) => listFiles(session, owner, path),
    'files:stat': ({ owner, path }) => statFile(session, owner, path),
    'files:diff': ({ id }) => diffContainer(session, id),
    'files:delete': ({ owner, path }) => deleteFile(session, owner, path),
    'files:download-ticket': ({ owner, path }) =>
      issueTicket(session, { op: 'download', owner, path: normalisePath(path) }),
    'files:upload-ticket': ({ owner, dir }) => issueTicket(session, { op: 'upload', owner, dir: normalisePath(dir) }),
  };
}
