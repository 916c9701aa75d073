// A container's stats as a stream to one window (the Stats tab): the engine's own stream (a reading
// a second, JSON lines) -> a sample per line -> `stats:sample`. It ends with `stats:end` and a
// reason when the container stops or goes, so a chart never waits on a stream that is over.
import type { IncomingMessage } from 'node:http';
import type { ClientLink } from '../../api/client-link';
import type { StatsOpened } from '../../api/stats-types';
import { readFailure, toWharfError } from '../errors';
import type { EngineSession } from '../session';
import { requireClient, type StreamRegistry } from '../streams/streams';
import type { HostFacts } from './stats-calls';
import { statsNotRunning } from './stats-errors';
import { type CpuReading, type EngineStats, toSample } from './stats-math';

/** A line longer than this is not a stats reading: the stream is dropped rather than buffered. */
const MAX_LINE = 1024 * 1024;

export async function openStats(
  session: EngineSession,
  registry: StreamRegistry,
  facts: () => Promise<HostFacts>,
  c: ClientLink | undefined,
  id: string,
): Promise<StatsOpened> {
  const client = requireClient(c);
  const docker = session.client();
  const info = await docker
    .getContainer(id)
    .inspect()
    .catch((e: unknown) => {
      throw toWharfError(e, { subject: id });
    });
  const name = info.Name.replace(/^\//, '');
  if (!info.State.Running) throw statsNotRunning(name, info.State.Status);
  const { memory } = await facts();
  const stream = registry.newId(client, 'stats');
  const abort = new AbortController();
  let res: IncomingMessage | null = null;
  let ended = false;
  let prev: CpuReading | null = null;

  const end = (reason: 'exited' | 'removed' | 'error', error?: string): void => {
    if (ended) return;
    ended = true;
    client.send('stats:end', { stream, reason, ...(error ? { error } : {}) });
    registry.remove(stream);
  };
  // The engine's stream ends when the container stops; its events say so too, and sooner.
  const offEvents = session.watch((e) => {
    if (e.Type !== 'container' || e.Actor.ID !== info.Id) return;
    if (e.Action === 'die' || e.Action === 'stop' || e.Action === 'kill') void settle();
    else if (e.Action === 'destroy') end('removed');
  });
  /** After the stream or an event says the container may be over: ask the engine what it is. */
  const settle = async (): Promise<void> => {
    if (ended) return;
    try {
      const now = await session.client().getContainer(info.Id).inspect();
      if (!now.State.Running) end('exited');
      else if (!res) end('error', 'the engine ended the stats stream');
    } catch (e) {
      const f = readFailure(e);
      if (f.status === 404) end('removed');
      else end('error', f.message);
    }
  };

  registry.add(stream, client, {
    close: () => {
      ended = true;
      offEvents();
      abort.abort();
      res?.destroy();
      res = null;
    },
  });

  try {
    res = (await docker
      .getContainer(info.Id)
      .stats({ stream: true, abortSignal: abort.signal } as { stream: true })) as unknown as IncomingMessage;
  } catch (e) {
    registry.remove(stream);
    throw toWharfError(e, { subject: name });
  }
  if (ended) {
    res.destroy();
    return { stream, name };
  }
  let buf = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buf += chunk;
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      nl = buf.indexOf('\n');
      if (!line) continue;
      let s: EngineStats;
      try {
        s = JSON.parse(line) as EngineStats;
      } catch {
        continue;
      }
      const out = toSample(info.Id, s, prev, memory);
      prev = out.cpu ?? prev;
      // A stopped container's last reading is all zeros (no read time): not a sample.
      if (!out.cpu) continue;
      client.send('stats:sample', { stream, sample: out.sample });
    }
    if (buf.length > MAX_LINE) end('error', 'a stats reading too long to be one');
  });
  res.on('error', () => {});
  res.on('close', () => {
    res = null;
    if (!ended) void settle();
  });
  return { stream, name };
}
