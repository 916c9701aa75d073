// Create, remove and prune volumes, and their sizes. Sizes come from the engine's disk-usage call,
// which walks every volume: one call at a time whoever asks, its answer reused for a few seconds,
// and a timeout, so neither a slow disk nor many windows flood the engine (podman#19467).
import type { VolumePrunePreview, VolumeRow, VolumeSizes } from '../../api/contract.volumes';
import { toWharfError } from '../errors';
import type { EngineSession } from '../session';
import { sizeTimeout, volumeError, volumeInUse, volumeNameTaken } from './volume-errors';
import { toVolumeRow, usersByVolume } from './volume-rows';
import type { VolumeStore } from './volume-store';

export const SIZE_TIMEOUT_MS = 20_000;
const SIZE_FRESH_MS = 5_000;

interface DfVolume {
  Name: string;
  UsageData?: { Size: number; RefCount: number } | null;
}

const inFlight = new WeakMap<EngineSession, Promise<VolumeSizes>>();
const lastSizes = new WeakMap<EngineSession, VolumeSizes>();

export function volumeSizes(session: EngineSession, timeoutMs = SIZE_TIMEOUT_MS): Promise<VolumeSizes> {
  const fresh = lastSizes.get(session);
  if (fresh && Date.now() - fresh.at < SIZE_FRESH_MS) return Promise.resolve(fresh);
  let p = inFlight.get(session);
  if (!p) {
    p = measure(session, timeoutMs).finally(() => inFlight.delete(session));
    inFlight.set(session, p);
  }
  return p;
}

async function measure(session: EngineSession, timeoutMs: number): Promise<VolumeSizes> {
  const docker = session.client();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(sizeTimeout(timeoutMs));
    }, timeoutMs);
  });
  try {
    // `type=volume` (API 1.42+) skips images and containers; older engines ignore it.
    const df = (await Promise.race([
      new Promise((resolve, reject) =>
        docker.modem.dial(
          {
            path: '/system/df?',
            method: 'GET',
            options: { type: 'volume' },
            abortSignal: abort.signal,
            statusCodes: { 200: true, 500: 'server error' },
          } as never,
          (err: unknown, data: unknown) => (err ? reject(err) : resolve(data)),
        ),
      ),
      timeout,
    ])) as { Volumes?: DfVolume[] | null };
    const sizes: Record<string, number> = {};
    for (const v of df.Volumes ?? []) sizes[v.Name] = v.UsageData?.Size ?? -1;
    const out = { sizes, at: Date.now() };
    lastSizes.set(session, out);
    return out;
  } catch (err) {
    throw toWharfError(err, { endpoint: session.conn.endpoint });
  } finally {
    clearTimeout(timer);
  }
}

export async function createVolume(
  session: EngineSession,
  store: VolumeStore,
  input: { name?: string; driver?: string; driverOpts?: Record<string, string>; labels?: Record<string, string> },
): Promise<VolumeRow> {
  const docker = session.client();
  try {
    const made = (await docker.createVolume({
      ...(input.name ? { Name: input.name } : {}),
      Driver: input.driver ?? 'local',
      DriverOpts: input.driverOpts ?? {},
      Labels: input.labels ?? {},
    })) as unknown as ReturnType<typeof docker.getVolume>;
    // dockerode answers with a handle; the row is read back like any volume.
    await store.listing();
    await store.refreshNow(made.name);
    return store.rows.get(made.name) ?? toVolumeRow(await made.inspect(), []);
  } catch (err) {
    const f = err as { statusCode?: number; json?: { message?: string } };
    if (input.name && f.statusCode === 409) throw volumeNameTaken(input.name, f.json?.message ?? '');
    throw volumeError(err, input.name ?? '', session.conn.endpoint);
  }
}

/** Removes a volume no container uses; one in use is refused with the containers named. */
export async function removeVolume(
  session: EngineSession,
  store: VolumeStore,
  name: string,
): Promise<{ removed: string }> {
  const docker = session.client();
  const users = await docker.listContainers({ all: true, filters: { volume: [name] } }).catch(() => []);
  if (users.length) {
    const names = users.map((c) => (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''));
    throw volumeInUse(name, names, '');
  }
  try {
    await docker.getVolume(name).remove();
  } catch (err) {
    throw volumeError(err, name, session.conn.endpoint);
  }
  store.rows.patch([], [name]);
  return { removed: name };
}

/** The volumes prune would remove (no container uses them), with what they hold if measured.
 *  Read fresh from the engine, not from the event-fed list: a container made a moment ago counts. */
export async function prunePreview(session: EngineSession): Promise<VolumePrunePreview> {
  const docker = session.client();
  try {
    const [vols, containers] = await Promise.all([docker.listVolumes(), docker.listContainers({ all: true })]);
    const users = usersByVolume(containers);
    const unused = (vols.Volumes ?? []).filter((v) => !users.has(v.Name) && v.Driver === 'local');
    const sizes = await volumeSizes(session).catch(() => null);
    const volumes = unused.map((v) => ({ name: v.Name, size: sizes?.sizes[v.Name] ?? -1 }));
    return { volumes, bytes: volumes.reduce((s, v) => s + Math.max(0, v.size), 0) };
  } catch (err) {
    throw toWharfError(err, { endpoint: session.conn.endpoint });
  }
}

/** Removes every unused volume, named or anonymous (as the preview lists): `all=true` from API 1.42. */
export async function pruneVolumes(session: EngineSession): Promise<{ deleted: string[]; spaceReclaimed: number }> {
  const docker = session.client();
  const api = Number(session.status.apiVersion ?? '1.41');
  try {
    const r = await docker.pruneVolumes(api >= 1.42 ? { filters: { all: ['true'] } } : {});
    return { deleted: r.VolumesDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
  } catch (err) {
    throw toWharfError(err, { endpoint: session.conn.endpoint });
  }
}
