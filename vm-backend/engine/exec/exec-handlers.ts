// The exec:* calls: a shell or attach session as a stream owned by the calling window.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';
import { startExec } from './exec';

export type ExecCall = Extract<CallName, `exec:${string}`>;

export function execHandlers({ session, streams }: ScopeContext): HandlerMap<ExecCall> {
  return {
    'exec:start': (o, client) => startExec(session, streams, client, o),
    'exec:input': ({ stream, data }, client) => {
      streams.get(client, stream).input?.(data);
      return null;
    },
    'exec:resize': ({ stream, cols, rows }, client) => {
      streams.get(client, stream).resize?.(cols, rows);
      return null;
    },
    'exec:close': ({ stream }, client) => {
      streams.get(client, stream);
      streams.remove(stream);
      return null;
    },
  };
}
