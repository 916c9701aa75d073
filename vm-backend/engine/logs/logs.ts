// A container's log as a stream to one client: engine stream -> demux -> format -> batch ->
// `logs:chunk`, with flow control from the client's acks. A followed container that stops and
// starts again is followed on: the engine ends the stream on stop, so it is re-opened with
// `since` = the last message's timestamp and messages already shown are skipped. The same holds
// when the engine itself restarts: after every reconnect the container's state is read again.
import type { IncomingMessage } from 'node:http';
import type { LogsOpenInput, LogsOpened } from '../../api/contract.logs';
import type { ClientLink } from '../../api/client-link';
import { Demuxer } from '../streams/demux';
import { countEarlierLines } from './log-earlier';
import { logsError, logsUnavailable } from './log-errors';
import { LogFormatter } from './log-format';
import { requestLogs } from './log-request';
import { sinceParam } from './log-time';
import type { EngineSession } from '../session';
import { StreamOut } from '../streams/stream-out';
import { type StreamRegistry, requireClient } from '../streams/streams';

export async function openLogs(
  session: EngineSession,
  registry: StreamRegistry,
  c: ClientLink | undefined,
  o: LogsOpenInput,
): Promise<LogsOpened> {
  const client = requireClient(c);
  const docker = session.client();
  const info = await docker
    .getContainer(o.id)
    .inspect()
    .catch((e: unknown) => {
      throw logsError(e, o.id, '');
    });
  const name = info.Name.replace(/^\//, '');
  const driver = info.HostConfig?.LogConfig?.Type ?? 'json-file';
  if (driver === 'none') throw logsUnavailable(driver, 'log driver none');
  const tty = Boolean(info.Config?.Tty);
  const stream = registry.newId(client, 'logs');

  let closed = false;
  let current: IncomingMessage | null = null;
  let abort = new AbortController();
  let offWatch: (() => void) | null = null;
  /** Between a followed stream's end and its re-open. */
  let waiting = false;
  // A tail longer than the view keeps: ask for the kept lines only (the engine reads them from the
  // end) and count the earlier ones alongside, so the view does not parse lines it would drop.
  const capped = o.keep !== undefined && (o.tail === 'all' || o.tail > o.keep);
  const countAbort = new AbortController();
  let counting: Promise<void> | null = null;
  const startCount = (firstTs: string): void => {
    const since = o.since ? String(o.since) : undefined;
    counting = countEarlierLines(
      docker,
      info.Id,
      { tail: o.tail, tty, firstTs, ...(since ? { since } : {}) },
      countAbort.signal,
    )
      .then((earlier) => {
        if (!closed && earlier) client.send('logs:chunk', { stream, data: '', earlier });
      })
      .catch(() => {});
  };
  const out = new StreamOut({
    send: (data) => client.send('logs:chunk', { stream, data }),
    pause: () => current?.pause(),
    resume: () => current?.resume(),
  });
  const fmt = new LogFormatter({ timestamps: o.timestamps }, (t) => out.write(t));
  const finish = (
    reason: 'done' | 'removed' | 'error',
    err?: unknown,
    after: Promise<void> = Promise.resolve(),
  ): void => {
    if (closed) return;
    out.flush();
    client.send('logs:end', { stream, reason, ...(err ? { error: logsError(err, name, driver).toJSON() } : {}) });
    // The count of earlier lines may still be running: it arrives after the end, then we let go.
    void after.then(() => registry.remove(stream));
  };

  const open = async (first: boolean): Promise<void> => {
    abort = new AbortController();
    const since = fmt.lastTime !== null ? sinceParam(fmt.lastTime) : o.since ? String(o.since) : undefined;
    // The session's client of the moment: after a reconnect the engine may be reached anew.
    const res = await requestLogs(
      first ? docker : session.client(),
      info.Id,
      {
        follow: o.follow,
        tail: !first ? 'all' : capped ? (o.keep ?? o.tail) : o.tail,
        timestamps: true,
        ...(since ? { since } : {}),
      },
      abort.signal,
    );
    if (closed) return void res.destroy();
    current = res;
    if (!first) fmt.restart();
    const demux = new Demuxer(tty, (kind, data, start) => fmt.push(kind, data, start, demux.isRaw));
    res.on('data', (chunk: Buffer) => {
      demux.push(chunk);
      if (first && capped && !counting && fmt.firstTs) startCount(fmt.firstTs);
    });
    res.on('error', () => {});
    res.on('close', () => {
      if (closed || current !== res) return;
      current = null;
      // Every kept line is out: the log is complete now; the earlier-lines note follows when counted.
      if (!o.follow) return finish('done', undefined, counting ?? undefined);
      waitForRestart();
    });
    if (out.isPaused) res.pause();
  };

  // The stream ended while following: the container stopped, is being removed, or the engine
  // went away (dockerd restarting: its containers may run on, or start before its API is back).
  const waitForRestart = (): void => {
    out.flush();
    waiting = true;
    offWatch?.();
    const offEvents = session.watch((e) => {
      if (e.Type !== 'container' || e.Actor.ID !== info.Id) return;
      if (e.Action === 'destroy') finish('removed');
      else if (e.Action === 'start') resumeFollowing();
    });
    // A `start` sent while the events stream was down is never seen: after every reconnect, ask
    // the engine for the container's real state instead of waiting for an event.
    const offReady = session.onReady(() => void recheck(0));
    offWatch = () => {
      offEvents();
      offReady();
    };
    // Ended while running (engine hiccup): re-open after a breath, not in a tight loop.
    void recheck(250);
  };
  const recheck = async (resumeAfterMs: number): Promise<void> => {
    if (closed || !waiting) return;
    let running: boolean;
    try {
      running = (await session.client().getContainer(info.Id).inspect()).State.Running;
    } catch (err) {
      if (closed || !waiting) return;
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 404) return finish('removed');
      // No answer from the engine at all: keep waiting; its return (onReady) checks again.
      if (status === undefined) return void client.send('logs:state', { stream, state: 'engine-away' });
      return finish('error', err);
    }
    if (closed || !waiting) return;
    if (!running) client.send('logs:state', { stream, state: 'waiting' });
    else if (resumeAfterMs > 0) setTimeout(resumeFollowing, resumeAfterMs);
    else resumeFollowing();
  };
  const resumeFollowing = (): void => {
    if (closed || !waiting) return;
    waiting = false;
    offWatch?.();
    offWatch = null;
    client.send('logs:state', { stream, state: 'following' });
    open(false).catch((err: unknown) => {
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 404) finish('removed');
      // The engine went away again before the stream opened: wait for it once more.
      else if (status === undefined && !closed) waitForRestart();
      else finish('error', err);
    });
  };

  registry.add(stream, client, {
    close: () => {
      closed = true;
      offWatch?.();
      out.close();
      abort.abort();
      countAbort.abort();
      current?.destroy();
      current = null;
    },
    ack: (n) => out.ack(n),
  });
  try {
    await open(true);
  } catch (err) {
    registry.remove(stream);
    throw logsError(err, name, driver);
  }
  return { stream, name, tty };
}
