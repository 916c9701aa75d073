// Handlers of the per-client stream calls (logs, exec/attach, acks). Kept apart from backend.ts.
import type { CallName, CallOutput, CallParsed } from '../../api/contract';
import type { ClientLink } from '../../api/client-link';
import { startExec } from '../exec/exec';
import type { LogTickets } from '../logs/log-file';
import { openLogs } from '../logs/logs';
import type { EngineSession } from '../session';
import type { StreamRegistry } from './streams';

type StreamCall =
  | 'logs:open'
  | 'logs:download-ticket'
  | 'logs:close'
  | 'streams:ack'
  | 'exec:start'
  | 'exec:input'
  | 'exec:resize'
  | 'exec:close';
type H<K extends CallName> = (input: CallParsed<K>, client?: ClientLink) => Promise<CallOutput<K>> | CallOutput<K>;

export function streamHandlers(
  session: EngineSession,
  registry: StreamRegistry,
  tickets: LogTickets,
): { [K in StreamCall]: H<K> } {
  return {
    'logs:open': (o, client) => openLogs(session, registry, client, o),
    'logs:download-ticket': ({ id, timestamps }) => ({ ticket: tickets.issue(id, timestamps) }),
    'logs:close': ({ stream }, client) => {
      registry.get(client, stream);
      registry.remove(stream);
      return null;
    },
    'streams:ack': ({ stream, bytes }, client) => {
      registry.get(client, stream).ack?.(bytes);
      return null;
    },
    'exec:start': (o, client) => startExec(session, registry, client, o),
    'exec:input': ({ stream, data }, client) => {
      registry.get(client, stream).input?.(data);
      return null;
    },
    'exec:resize': ({ stream, cols, rows }, client) => {
      registry.get(client, stream).resize?.(cols, rows);
      return null;
    },
    'exec:close': ({ stream }, client) => {
      registry.get(client, stream);
      registry.remove(stream);
      return null;
    },
  };
}
