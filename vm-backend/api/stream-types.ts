// Payloads of the per-client stream events (logs and terminals). Pure: shared with the renderer.
import type { WharfErrorShape } from './types';

export interface StreamChunk {
  stream: string;
  /** Terminal text: ANSI kept, stderr lines marked, '\n' line ends (the log view converts). */
  data: string;
  /** Logs: lines before the first one sent that the view does not keep (only in the download). */
  earlier?: number;
}

/** A followed container stopped: the view waits for it to start again, then keeps following. */
export interface LogsState {
  stream: string;
  /** `waiting`: the container is stopped; `engine-away`: the engine does not answer (restarting):
   *  the log goes on when it is back. */
  state: 'following' | 'waiting' | 'engine-away';
}

export interface LogsEnd {
  stream: string;
  reason: 'done' | 'removed' | 'error';
  error?: WharfErrorShape;
}

export interface ExecExit {
  stream: string;
  /** The process's exit status; null when it is not known (attach, or the link broke). */
  exitCode: number | null;
  error?: WharfErrorShape;
}
