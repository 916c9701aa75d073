// The streams:* calls, shared by every kind of stream: the window's acknowledgement of what it
// has drawn (flow control).
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';

export type StreamCall = Extract<CallName, `streams:${string}`>;

export function streamHandlers({ streams }: ScopeContext): HandlerMap<StreamCall> {
  return {
    'streams:ack': ({ stream, bytes }, client) => {
      streams.get(client, stream).ack?.(bytes);
      return null;
    },
  };
}
