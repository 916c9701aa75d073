// The logs:* calls: a container's log as a stream to the calling window, and its full log as a
// download ticket.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';
import { openLogs } from './logs';

export type LogCall = Extract<CallName, `logs:${string}`>;

export function logHandlers({ session, streams, tickets }: ScopeContext): HandlerMap<LogCall> {
  return {
    'logs:open': (o, client) => openLogs(session, streams, client, o),
    'logs:download-ticket': ({ id, timestamps }) => ({ ticket: tickets.issue(id, timestamps) }),
    'logs:close': ({ stream }, client) => {
      streams.get(client, stream);
      streams.remove(stream);
      return null;
    },
  };
}
