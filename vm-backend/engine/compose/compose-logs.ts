// A project's logs merged in one stream: the engine's own logs API per container (never
// `compose logs`), each line prefixed and coloured by service. Containers are followed each on
// their own, so a silent one stalls nothing; a container that starts later (a service brought up
// after the view opened, or one restarted) is picked up from its `start` event. The stream uses
// the logs:* events, so logs:close and streams:ack work as for one container.
import type { IncomingMessage } from 'node:http';
import type { ClientLink } from '../../api/client-link';
import type { ComposeLogsInput } from '../../api/contract.compose';
import { LogFormatter } from '../logs/log-format';
import { requestLogs } from '../logs/log-request';
import { sinceParam } from '../logs/log-time';
import type { EngineSession } from '../session';
import { Demuxer } from '../streams/demux';
import { StreamOut } from '../streams/stream-out';
import { type StreamRegistry, requireClient } from '../streams/streams';
import { LineMerger, servicePrefix } from './line-merger';

const PROJECT = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';
const NUMBER = 'com.docker.compose.container-number';

interface Follower {
  id: string;
  service: string;
  fmt: LogFormatter;
  merger: LineMerger;
  res: IncomingMessage | null;
  abort: AbortController;
  opened: boolean;
}

/** The label a line carries: the service, and its replica number when it has several. */
function label(service: string, number: string | undefined): string {
  return number && number !== '1' ? `${service}-${number}` : service;
}

export async function openProjectLogs(
  session: EngineSession,
  registry: StreamRegistry,
  c: ClientLink | undefined,
  o: ComposeLogsInput,
): Promise<{ stream: string }> {
  const client = requireClient(c);
  const docker = session.client();
  const listed = await docker.listContainers({ all: true, filters: { label: [`${PROJECT}=${o.project}`] } });
  const stream = registry.newId(client, 'logs');
  const wanted = (service: string | undefined): service is string =>
    service !== undefined && (o.services.length === 0 || o.services.includes(service));
  const followers = new Map<string, Follower>();
  let closed = false;
  let width = Math.max(4, ...listed.map((l) => label(l.Labels[SERVICE] ?? '', l.Labels[NUMBER]).length));

  const out = new StreamOut({
    send: (data) => client.send('logs:chunk', { stream, data }),
    pause: () => {
      for (const f of followers.values()) f.res?.pause();
    },
    resume: () => {
      for (const f of followers.values()) f.res?.resume();
    },
  });

  const open = async (f: Follower, tail: number | 'all'): Promise<void> => {
    f.abort = new AbortController();
    const last = f.fmt.lastTime;
    const res = await requestLogs(
      session.client(),
      f.id,
      {
        follow: true,
        timestamps: true,
        tail: last !== null ? 'all' : tail,
        ...(last !== null ? { since: sinceParam(last) } : {}),
      },
      f.abort.signal,
    );
    if (closed) return void res.destroy();
    if (f.opened) f.fmt.restart();
    f.opened = true;
    f.res = res;
    // Tty or not: the demuxer finds out from the first bytes (an invalid header means raw).
    const demux = new Demuxer(false, (kind, data, start) => f.fmt.push(kind, data, start, demux.isRaw));
    res.on('data', (chunk: Buffer) => demux.push(chunk));
    res.on('error', () => {});
    res.on('close', () => {
      if (f.res === res) f.res = null;
      f.merger.flush();
    });
    if (out.isPaused) res.pause();
  };

  const follow = (id: string, service: string, number: string | undefined, tail: number | 'all'): void => {
    let f = followers.get(id);
    if (f?.res) return;
    if (!f) {
      const name = label(service, number);
      if (name.length > width) width = name.length;
      const merger = new LineMerger(servicePrefix(name, service, width), (t) => out.write(t));
      f = {
        id,
        service,
        merger,
        fmt: new LogFormatter({ timestamps: false }, (t) => merger.write(t)),
        res: null,
        abort: new AbortController(),
        opened: false,
      };
      followers.set(id, f);
    }
    const follower = f;
    open(follower, tail).catch(() => {
      // Removed between the event and the request: nothing to follow.
    });
  };

  const offEvents = session.watch((e) => {
    if (closed || e.Type !== 'container') return;
    const attrs = e.Actor.Attributes ?? {};
    if (attrs[PROJECT] !== o.project) return;
    const service = attrs[SERVICE];
    if (e.Action === 'start' && wanted(service)) follow(e.Actor.ID, service, attrs[NUMBER], 'all');
    else if (e.Action === 'destroy') followers.delete(e.Actor.ID);
  });
  // Events sent while the engine's stream was down are lost: look again after every reconnect.
  const offReady = session.onReady(() => {
    void session
      .client()
      .listContainers({ filters: { label: [`${PROJECT}=${o.project}`] } })
      .then((running) => {
        for (const r of running)
          if (wanted(r.Labels[SERVICE])) follow(r.Id, r.Labels[SERVICE] ?? '', r.Labels[NUMBER], 'all');
      })
      .catch(() => {});
  });

  registry.add(stream, client, {
    close: () => {
      closed = true;
      offEvents();
      offReady();
      out.close();
      for (const f of followers.values()) {
        f.abort.abort();
        f.res?.destroy();
      }
      followers.clear();
    },
    ack: (n) => out.ack(n),
  });
  for (const l of listed) {
    const service = l.Labels[SERVICE];
    if (wanted(service)) follow(l.Id, service, l.Labels[NUMBER], o.tail);
  }
  return { stream };
}
