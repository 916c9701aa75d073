// A shell (docker exec -it) or attach inside a container, wired to an xterm terminal: keys go to
// exec:input, the terminal's size to exec:resize, output is written and acknowledged.
import type { Terminal } from '@xterm/xterm';
import type { ExecStarted } from '../../../vm-backend/api/contract.exec';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge';
import { errorShape } from '../../lib/error-shape';
import { streamRouter } from './stream-router';

export type ShellState =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'open'; started: ExecStarted }
  /** `backendLost`: ended because the window's link to Wharf's backend dropped. */
  | { kind: 'exited'; code: number | null; backendLost?: boolean }
  | { kind: 'error'; error: WharfErrorShape };

export interface ShellRequest {
  mode: 'exec' | 'attach';
  cmd?: string[];
  user?: string;
}

export class ShellSession {
  private stream: string | null = null;
  private disposers: (() => void)[] = [];
  private written = 0;

  constructor(
    private readonly bridge: Bridge,
    private readonly term: Terminal,
    private readonly onState: (s: ShellState) => void,
  ) {
    streamRouter(bridge);
  }

  async start(id: string, req: ShellRequest): Promise<void> {
    this.stop();
    this.term.reset();
    this.written = 0;
    this.onState({ kind: 'starting' });
    try {
      const started = await this.bridge.call('exec:start', {
        id,
        mode: req.mode,
        cols: Math.max(1, this.term.cols),
        rows: Math.max(1, this.term.rows),
        ...(req.cmd ? { cmd: req.cmd } : {}),
        ...(req.user ? { user: req.user } : {}),
      });
      const stream = started.stream;
      this.stream = stream;
      this.onState({ kind: 'open', started });
      const release = streamRouter(this.bridge).claim(stream, (event, payload) => {
        if (event === 'exec:output') {
          const data = (payload as { data: string }).data;
          this.term.write(data, () => {
            this.written += data.length;
            void this.bridge.call('streams:ack', { stream, bytes: this.written }).catch(() => {});
          });
        } else if (event === 'exec:exit') {
          const p = payload as { exitCode: number | null; error?: WharfErrorShape };
          this.stream = null;
          this.onState(p.error ? { kind: 'error', error: p.error } : { kind: 'exited', code: p.exitCode });
        }
      });
      const input = this.term.onData((data) => {
        if (this.stream) void this.bridge.call('exec:input', { stream, data }).catch(() => {});
      });
      const resize = this.term.onResize(({ cols, rows }) => {
        if (this.stream) void this.bridge.call('exec:resize', { stream, cols, rows }).catch(() => {});
      });
      this.disposers = [release, () => input.dispose(), () => resize.dispose()];
      this.term.focus();
    } catch (e) {
      this.onState({ kind: 'error', error: errorShape(e) });
    }
  }

  stop(): void {
    for (const d of this.disposers) d();
    this.disposers = [];
    if (this.stream) void this.bridge.call('exec:close', { stream: this.stream }).catch(() => {});
    this.stream = null;
  }
}
