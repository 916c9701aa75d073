// Test helpers for stream integration tests: a recording ClientLink and the docker CLI.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { EventName, Events } from '../api/contract';
import type { ClientLink } from '../api/client-link';

const run = promisify(execFile);

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { maxBuffer: 256 * 1024 * 1024 });
  return stdout.trim();
}

export const uniqueName = (p: string): string =>
  `${p}-${process.pid}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;

export interface RecordingClient extends ClientLink {
  events: { event: EventName; payload: unknown }[];
  /** All data of `event` ('logs:chunk' or 'exec:output') for `stream`, joined. */
  text(event: 'logs:chunk' | 'exec:output', stream: string): string;
  waitFor(pred: () => boolean, ms?: number): Promise<void>;
  close(): void;
}

export function recordingClient(): RecordingClient {
  const events: { event: EventName; payload: unknown }[] = [];
  const closers = new Set<() => void>();
  return {
    id: 'test',
    events,
    send<E extends EventName>(event: E, payload: Events[E]) {
      events.push({ event, payload });
    },
    onClose(cb) {
      closers.add(cb);
      return () => void closers.delete(cb);
    },
    close() {
      for (const c of closers) c();
      closers.clear();
    },
    text(event, stream) {
      return events
        .filter((e) => e.event === event && (e.payload as { stream: string }).stream === stream)
        .map((e) => (e.payload as { data: string }).data)
        .join('');
    },
    async waitFor(pred, ms = 15_000) {
      const end = Date.now() + ms;
      while (!pred()) {
        if (Date.now() > end) throw new Error('timed out waiting');
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/** `docker run -d` of the busybox fixture with `volume` at /data, running `cmd`; labelled
 *  wharf.test=1 like everything a test makes. */
export const runWithVolume = (name: string, volume: string, ...cmd: string[]): Promise<string> =>
  docker(
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'wharf.test=1',
    '-v',
    `${volume}:/data`,
    'wharf-fixture/busybox:1',
    ...cmd,
  );
