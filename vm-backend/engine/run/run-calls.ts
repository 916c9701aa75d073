// The run dialog's read calls: image info for pre-filling, ports taken on the engine's host,
// a container's form for "Run another", and the networks to choose from.
import type Docker from 'dockerode';
import type { HostPortsInfo, ImageRunInfo } from '../../api/contract.run';
import { shellQuote } from '../../api/rules/cli';
import type { RunForm } from '../../api/rules/run-form';
import { assignFreePorts } from '../../api/rules/run-ports';
import { toWharfError } from '../errors';
import { engineHostListeners, forwardBlockersHere } from './host-listeners';
import { readHostPorts } from './run-host-ports';
import { formFromInspect, nextName } from './run-spec';
import type { EngineSession } from '../session';

export async function imageRunInfo(session: EngineSession, image: string): Promise<ImageRunInfo> {
  try {
    const info = await session.client().getImage(image).inspect();
    const exposed = Object.keys(info.Config?.ExposedPorts ?? {}).flatMap((k) => {
      const [port, proto] = k.split('/');
      const n = Number(port);
      return Number.isInteger(n) && n > 0
        ? [{ port: n, protocol: proto === 'udp' ? ('udp' as const) : ('tcp' as const) }]
        : [];
    });
    const cmd = [...(info.Config?.Entrypoint ?? []), ...(info.Config?.Cmd ?? [])].map(shellQuote).join(' ');
    return { present: true, exposedPorts: exposed.sort((a, b) => a.port - b.port), cmd };
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return { present: false, exposedPorts: [], cmd: '' };
    throw toWharfError(err, { subject: image, endpoint: session.conn.endpoint });
  }
}

/** Host ports per session: one probe at a time, answered from cache when fresh enough. */
const cache = new WeakMap<
  EngineSession,
  { at: number; value: HostPortsInfo; pending?: Promise<HostPortsInfo>; remembered: { image?: string } }
>();

export async function hostPorts(
  session: EngineSession,
  image: string | undefined,
  maxAgeMs = 3000,
): Promise<HostPortsInfo> {
  const docker = session.client();
  let entry = cache.get(session);
  if (!entry)
    cache.set(session, (entry = { at: 0, value: { listeners: [], source: 'unavailable', readAt: 0 }, remembered: {} }));
  if (Date.now() - entry.at <= maxAgeMs) return entry.value;
  const e = entry;
  e.pending ??= readAllHostPorts(session, docker, image, e.remembered)
    .then((value) => {
      e.value = value;
      e.at = Date.now();
      return value;
    })
    .finally(() => delete e.pending);
  return e.pending;
}

/**
 * The engine host's listeners read without an image where possible (this computer's /proc/net, or
 * `cat` over the SSH link), the helper container otherwise; for remote engines also this
 * computer's, where the forwards listen.
 */
async function readAllHostPorts(
  session: EngineSession,
  docker: Docker,
  image: string | undefined,
  remembered: { image?: string },
): Promise<HostPortsInfo> {
  const conn = session.conn;
  const [direct, here] = await Promise.all([
    engineHostListeners(conn).catch(() => null),
    conn.ports ? forwardBlockersHere().catch(() => null) : Promise.resolve(null),
  ]);
  const engine: HostPortsInfo = direct
    ? { listeners: direct.listeners, source: 'engine-host', via: direct.via, readAt: Date.now() }
    : await readHostPorts(docker, image, remembered);
  if (!conn.ports) return engine;
  return { ...engine, listeners: [...engine.listeners, ...(here ?? [])], hereChecked: here !== null };
}

export async function formFromContainer(session: EngineSession, id: string): Promise<RunForm> {
  const docker = session.client();
  try {
    const info = await docker.getContainer(id).inspect();
    const image = await docker
      .getImage(info.Image)
      .inspect()
      .catch(() => null);
    const form = formFromInspect(info, image?.Config?.Env ?? [], image?.Config?.Cmd ?? []);
    const rows = [...session.containers.values()];
    form.name = nextName(form.name, new Set(rows.map((r) => r.name)));
    // Ports held by processes are checked by the dialog; here the containers' ports are skipped.
    form.ports = assignFreePorts(form.ports, rows, []);
    return form;
  } catch (err) {
    throw toWharfError(err, { subject: session.containerName(id) ?? id, endpoint: session.conn.endpoint });
  }
}

export async function listNetworks(session: EngineSession): Promise<string[]> {
  try {
    const nets = await session.client().listNetworks();
    return nets
      .map((n) => n.Name)
      .filter((n) => n !== 'none')
      .sort();
  } catch (err) {
    throw toWharfError(err, { endpoint: session.conn.endpoint });
  }
}
